#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace vigil {

//! The HTML helpers subscriber mails are written with, passed in from the site layer (services
//! never include it): the composition root gives html_escape and render_markdown.
struct MailFormat {
  std::function<std::string(std::string_view)> escape;    //!< text → safe HTML text
  std::function<std::string(std::string_view)> markdown;  //!< Markdown → safe HTML
};

}  // namespace vigil
