#pragma once

#include <string>
#include <string_view>

namespace vigil {

//! Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks, task lists) to HTML
//! with cmark-gfm in its safe mode: raw HTML is dropped and javascript:, vbscript:, file: and
//! non-image data: links are emptied, so incident text can never inject script.
std::string render_markdown(std::string_view markdown);

}  // namespace vigil
