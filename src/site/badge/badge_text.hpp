#pragma once

#include <string>
#include <string_view>

namespace vigil {

//! Decodes UTF-8 text for a badge: invalid sequences become U+FFFD and characters XML 1.0 does
//! not allow (C0 controls other than tab, newline and carriage return) are dropped.
std::u32string decode_badge_text(std::string_view utf8);

//! Encodes as UTF-8 with &, <, >, " and ' escaped, safe in XML text and attribute values.
std::string escape_xml(std::u32string_view text);

//! escape_xml of decode_badge_text(utf8).
std::string escape_xml(std::string_view utf8);

//! Upper-cases ASCII and Latin-1 letters (the for-the-badge style); others are kept.
std::u32string to_upper(std::u32string text);

}  // namespace vigil
