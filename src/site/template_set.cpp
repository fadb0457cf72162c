#include "site/template_set.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vigil {
namespace {

constexpr std::string_view kTemplateDir = "templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TemplateSet::TemplateSet(const std::optional<std::filesystem::path>& theme_dir) {
  for (const auto& file : embedded_site_files()) {
    std::string text = file.text;
    if (theme_dir) {
      if (auto custom = read_file(*theme_dir / file.name)) {
        spdlog::info("theme: using {}", (*theme_dir / file.name).string());
        text = std::move(*custom);
      }
    }
    files_.emplace(file.name, std::move(text));
  }
}

std::string TemplateSet::render(std::string_view name, ViewData data) const {
  for (const auto& [path, text] : files_) {
    std::string_view view = path;
    if (!view.starts_with(kTemplateDir) || !view.ends_with(kTemplateSuffix)) continue;
    view.remove_prefix(kTemplateDir.size());
    view.remove_suffix(kTemplateSuffix.size());
    // A partial is found by name like any value: data of the same name wins.
    if (data.get(std::string(view)) != nullptr) continue;
    data.set(std::string(view), kainjow::mustache::partial([&text = text] { return text; }));
  }
  const std::string* text =
      file(std::string(kTemplateDir) + std::string(name) + std::string(kTemplateSuffix));
  if (text == nullptr) throw std::logic_error("no template " + std::string(name));
  kainjow::mustache::mustache compiled(*text);
  if (!compiled.is_valid()) {
    throw std::runtime_error("template " + std::string(name) + ": " + compiled.error_message());
  }
  return compiled.render(data);
}

const std::string* TemplateSet::file(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace vigil
