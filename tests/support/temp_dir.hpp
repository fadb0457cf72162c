#pragma once

#include <filesystem>
#include <string>

namespace vigil::testing {

//! A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  //! The directory.
  const std::filesystem::path& path() const { return path_; }
  //! A path inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace vigil::testing
