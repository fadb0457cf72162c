#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace vigil {

//! How `{{name}}` values are escaped where they are inserted (`{{{name}}}` never is).
enum class TemplateEscape {
  kNone,  //!< plain text: subjects, chat messages
  kJson,  //!< inside a JSON string: quotes, backslashes and control characters escaped
  kHtml,  //!< HTML: & < > " ' escaped
};

//! Renders the Mustache template `text` with `variables` (a JSON object: strings, numbers and
//! booleans as values, objects as sections, arrays as lists); an invalid template is a
//! kBadRequest error with Mustache's message.
Result<std::string> render_template(std::string_view text, const boost::json::object& variables,
                                    TemplateEscape escape);

//! `text` as the contents of a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

}  // namespace vigil
