#include "config/page_list_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "config/yaml_mapping.hpp"

namespace vigil {
namespace {

const std::vector<std::string_view> kPageKeys = {"path", "title",    "header",  "subheader",
                                                 "logo", "settings", "monitors"};

// Core's messages name the API fields; the file names them without the page_ prefix.
std::string file_field(std::string_view field) {
  constexpr std::string_view kPrefix = "page_";
  return std::string(field.starts_with(kPrefix) ? field.substr(kPrefix.size()) : field);
}

// The text after "field: " in a "field: problem" message.
std::string problem_of(const std::string& message) {
  return message.substr(message.find(": ") + 2);
}

// Stores the path if it is "~home", "" or already in the form Kener's sanitising gives.
void read_path(YamlMapping& fields, const std::string& path, PageSpec& page) {
  auto stored = sanitize_page_path(path.empty() ? kHomePageToken : std::string_view(path));
  if (!stored.ok()) return fields.fail("path", problem_of(stored.error().message));
  if (!path.empty() && path != kHomePageToken && stored.value() != path) {
    return fields.fail("path", "must be written as '" + stored.value() + "'");
  }
  page.page_path = stored.value();
}

std::vector<std::string> read_monitor_tags(YamlMapping& fields) {
  std::vector<std::string> tags;
  for (const YAML::Node& tag : fields.list("monitors")) {
    if (!tag.IsScalar()) {
      fields.fail("monitors", "expected a list of monitor tags");
      return {};
    }
    tags.push_back(tag.Scalar());
  }
  return tags;
}

}  // namespace

std::vector<PageSpec> PageListReader::read(const YAML::Node& list) {
  std::vector<PageSpec> pages;
  for (const YAML::Node& item : list) {
    YamlMapping fields(item, "a page", kPageKeys, errors_);
    if (!fields.is_mapping()) continue;
    PageSpec page;
    page.page_title = fields.text("title").value_or("");
    page.page_header = fields.text("header").value_or("");
    page.page_subheader = fields.text("subheader").value_or("");
    page.page_logo = fields.text("logo").value_or("");
    page.monitors = read_monitor_tags(fields);

    if (auto path = fields.text("path")) {
      read_path(fields, *path, page);
    } else if (!fields.failed("path")) {
      fields.fail("path", "is required (\"~home\" for the home page)");
    }
    if (!fields.failed("path")) {
      const int line = fields.mark("path").line + 1;
      auto [first, inserted] = path_lines_.emplace(page.page_path, line);
      if (!inserted) {
        fields.fail("path", "duplicate page '" + page_path_token(page.page_path) +
                                "' (first declared on line " + std::to_string(first->second) + ")");
      }
    }

    for (const std::string& problem : validate_page_fields(page)) {
      const std::string field = file_field(problem.substr(0, problem.find(':')));
      if (!fields.failed(field)) {
        errors_.add(fields.mark(field), field + ": " + problem_of(problem));
      }
    }
    if (auto settings = fields.json_object("settings")) {
      for (const std::string& problem : schema_.check_page_settings(*settings)) {
        errors_.add(fields.mark("settings"), file_field(problem));
      }
      page.page_settings_json = std::move(*settings);
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace vigil
