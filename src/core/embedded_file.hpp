#pragma once

namespace vigil {

//! One text file compiled into the binary (by cmake/embed_files.cmake).
struct EmbeddedFile {
  const char* name;  //!< path relative to the folder it was embedded from
  const char* text;  //!< the whole file
};

}  // namespace vigil
