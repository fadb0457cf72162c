#include "alerting/notify/template_renderer.hpp"

#include <boost/json/serialize.hpp>
#include <kainjow/mustache.hpp>

#include <cstdio>

namespace vigil {
namespace {

namespace mustache = kainjow::mustache;

mustache::data to_data(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::string:
      return mustache::data(std::string(value.get_string()));
    case boost::json::kind::bool_:
      return mustache::data(value.get_bool());
    case boost::json::kind::null:
      return mustache::data(false);
    case boost::json::kind::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, member] : value.get_object())
        object.set(std::string(key), to_data(member));
      return object;
    }
    case boost::json::kind::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value.get_array()) list.push_back(to_data(item));
      return list;
    }
    default:
      return mustache::data(boost::json::serialize(value));
  }
}

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out;
}

Result<std::string> render_template(std::string_view text, const boost::json::object& variables,
                                    TemplateEscape escape) {
  mustache::mustache compiled{std::string(text)};
  if (!compiled.is_valid()) return Error{ErrorCode::kBadRequest, compiled.error_message()};
  if (escape == TemplateEscape::kJson) compiled.set_custom_escape(&json_escape);
  if (escape == TemplateEscape::kNone) {
    compiled.set_custom_escape([](const std::string& s) { return s; });
  }
  std::string rendered = compiled.render(to_data(boost::json::value(variables)));
  if (!compiled.is_valid()) return Error{ErrorCode::kBadRequest, compiled.error_message()};
  return rendered;
}

}  // namespace vigil
