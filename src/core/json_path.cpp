#include "core/json_path.hpp"

#include <cctype>

namespace vigil {
namespace {

// The document is walked twice: once to check that all of it is JSON (so a truncated or garbage
// body is reported as such), then to follow the path without building a tree.

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void skip_space(std::string_view doc, std::size_t& pos) {
  while (pos < doc.size() && is_space(doc[pos])) ++pos;
}

bool at(std::string_view doc, std::size_t pos, char c) {
  return pos < doc.size() && doc[pos] == c;
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool read_hex4(std::string_view doc, std::size_t& pos, unsigned& code) {
  if (pos + 4 > doc.size()) return false;
  code = 0;
  for (int i = 0; i < 4; ++i) {
    char c = doc[pos++];
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    code = code * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                                 ? c - '0'
                                                 : std::tolower(c) - 'a' + 10);
  }
  return true;
}

bool read_escape(std::string_view doc, std::size_t& pos, std::string& out) {
  if (pos >= doc.size()) return false;
  char c = doc[pos++];
  switch (c) {
    case '"':
    case '\\':
    case '/':
      out += c;
      return true;
    case 'b':
      out += '\b';
      return true;
    case 'f':
      out += '\f';
      return true;
    case 'n':
      out += '\n';
      return true;
    case 'r':
      out += '\r';
      return true;
    case 't':
      out += '\t';
      return true;
    case 'u':
      break;
    default:
      return false;
  }
  unsigned code = 0;
  if (!read_hex4(doc, pos, code)) return false;
  if (code >= 0xD800 && code < 0xDC00 && doc.substr(pos, 2) == "\\u") {
    std::size_t low_pos = pos + 2;
    unsigned low = 0;
    if (read_hex4(doc, low_pos, low) && low >= 0xDC00 && low < 0xE000) {
      pos = low_pos;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
  }
  if (code >= 0xD800 && code < 0xE000) code = 0xFFFD;  // a lone surrogate
  append_utf8(out, code);
  return true;
}

// Reads the string starting at doc[pos] == '"' into `out`.
bool read_string(std::string_view doc, std::size_t& pos, std::string& out) {
  if (!at(doc, pos, '"')) return false;
  ++pos;
  while (pos < doc.size()) {
    char c = doc[pos++];
    if (c == '"') return true;
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c != '\\') {
      out += c;
    } else if (!read_escape(doc, pos, out)) {
      return false;
    }
  }
  return false;
}

bool skip_digits(std::string_view doc, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < doc.size() && std::isdigit(static_cast<unsigned char>(doc[pos]))) ++pos;
  return pos > start;
}

bool skip_number(std::string_view doc, std::size_t& pos) {
  if (at(doc, pos, '-')) ++pos;
  if (!skip_digits(doc, pos)) return false;
  if (at(doc, pos, '.') && !skip_digits(doc, ++pos)) return false;
  if (at(doc, pos, 'e') || at(doc, pos, 'E')) {
    ++pos;
    if (at(doc, pos, '+') || at(doc, pos, '-')) ++pos;
    if (!skip_digits(doc, pos)) return false;
  }
  return true;
}

bool skip_word(std::string_view doc, std::size_t& pos, std::string_view word) {
  if (doc.substr(pos, word.size()) != word) return false;
  pos += word.size();
  return true;
}

bool skip_value(std::string_view doc, std::size_t& pos, std::size_t depth);

// Walks the members of the object or elements of the array at doc[pos]; `visit` is called with
// pos on each element (after the key of a member) and must leave pos just past it.
template <class Visit>
bool walk_container(std::string_view doc, std::size_t& pos, Visit&& visit) {
  bool object = doc[pos] == '{';
  char close = object ? '}' : ']';
  ++pos;
  skip_space(doc, pos);
  if (at(doc, pos, close)) {
    ++pos;
    return true;
  }
  for (std::size_t index = 0;; ++index) {
    std::string key;
    if (object) {
      if (!read_string(doc, pos, key)) return false;
      skip_space(doc, pos);
      if (!at(doc, pos, ':')) return false;
      skip_space(doc, ++pos);
    }
    if (!visit(key, index)) return false;
    skip_space(doc, pos);
    if (at(doc, pos, close)) {
      ++pos;
      return true;
    }
    if (!at(doc, pos, ',')) return false;
    skip_space(doc, ++pos);
  }
}

bool skip_value(std::string_view doc, std::size_t& pos, std::size_t depth) {
  if (pos >= doc.size()) return false;
  std::string ignored;
  switch (doc[pos]) {
    case '"':
      return read_string(doc, pos, ignored);
    case '{':
    case '[':
      if (depth >= JsonPath::kMaxDepth) return false;
      return walk_container(doc, pos, [&](const std::string&, std::size_t) {
        return skip_value(doc, pos, depth + 1);
      });
    case 't':
      return skip_word(doc, pos, "true");
    case 'f':
      return skip_word(doc, pos, "false");
    case 'n':
      return skip_word(doc, pos, "null");
    default:
      return skip_number(doc, pos);
  }
}

Error syntax_error(std::size_t index, std::string_view problem) {
  return Error{ErrorCode::kBadRequest,
               "at character " + std::to_string(index + 1) + ": " + std::string(problem)};
}

}  // namespace

Result<JsonPath> JsonPath::parse(std::string_view path, std::size_t offset) {
  JsonPath parsed;
  parsed.text_ = path;
  std::size_t pos = 0;
  while (pos < path.size()) {
    if (parsed.steps_.size() >= kMaxDepth) {
      return syntax_error(offset + pos, "more than " + std::to_string(kMaxDepth) + " steps");
    }
    if (path[pos] == '[') {
      std::size_t close = path.find(']', pos);
      if (close == std::string_view::npos) return syntax_error(offset + pos, "'[' without ']'");
      std::string_view digits = path.substr(pos + 1, close - pos - 1);
      if (digits.empty() || digits.size() > 9 ||
          digits.find_first_not_of("0123456789") != std::string_view::npos) {
        return syntax_error(offset + pos + 1, "an array index must be a number such as [0]");
      }
      parsed.steps_.emplace_back(static_cast<std::size_t>(std::stoul(std::string(digits))));
      pos = close + 1;
      if (pos < path.size() && path[pos] == '.') {
        if (++pos == path.size()) return syntax_error(offset + pos - 1, "ends with '.'");
      }
      continue;
    }
    std::size_t end = path.find_first_of(".[]", pos);
    if (end == std::string_view::npos) end = path.size();
    if (end == pos) return syntax_error(offset + pos, "empty key");
    if (end < path.size() && path[end] == ']') return syntax_error(offset + end, "']' without '['");
    parsed.steps_.emplace_back(std::string(path.substr(pos, end - pos)));
    pos = end;
    if (pos < path.size() && path[pos] == '.') {
      if (++pos == path.size()) return syntax_error(offset + pos - 1, "ends with '.'");
    }
  }
  return parsed;
}

Result<JsonMatch> JsonPath::find(std::string_view document) const {
  std::size_t pos = 0;
  skip_space(document, pos);
  std::size_t end = pos;
  bool valid = skip_value(document, end, 0);
  skip_space(document, end);
  if (!valid || end != document.size()) {
    return Error{ErrorCode::kBadRequest, "not JSON (byte " + std::to_string(end + 1) + ")"};
  }
  Error missing{ErrorCode::kNotFound, "no value at '" + text_ + "'"};
  for (const Step& step : steps_) {
    const std::string* key = std::get_if<std::string>(&step);
    char open = key != nullptr ? '{' : '[';
    if (!at(document, pos, open)) return missing;
    bool found = false;
    walk_container(document, pos, [&](const std::string& name, std::size_t index) {
      found = key != nullptr ? name == *key : index == std::get<std::size_t>(step);
      return !found && skip_value(document, pos, 0);
    });
    if (!found) return missing;
  }
  JsonMatch match;
  std::size_t start = pos;
  if (at(document, pos, '"')) {
    read_string(document, pos, match.text);
    match.length = match.text.size();
  } else if (at(document, pos, '{') || at(document, pos, '[')) {
    walk_container(document, pos, [&](const std::string&, std::size_t) {
      ++match.length;
      return skip_value(document, pos, 0);
    });
    match.text = document.substr(start, pos - start);
  } else {
    skip_value(document, pos, 0);
    match.text = document.substr(start, pos - start);
  }
  return match;
}

}  // namespace vigil
