#include "api/page_json.hpp"

#include "api/json_request.hpp"
#include "api/monitor_json.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

Error field_error(std::string_view field, std::string_view problem) {
  return Error{ErrorCode::kBadRequest, std::string(field) + ": " + std::string(problem)};
}

// A string field; null reads as "" for the optional texts (Kener stores null there).
std::optional<Error> read_text(std::string_view key, const json::value& value, bool nullable,
                               std::optional<std::string>& out) {
  if (nullable && value.is_null()) {
    out = "";
  } else if (value.is_string()) {
    out = std::string(value.get_string());
  } else {
    return field_error(key, "must be a string");
  }
  return std::nullopt;
}

std::optional<Error> read_field(std::string_view key, const json::value& value, PagePatch& out) {
  if (key == "page_path") return read_text(key, value, false, out.page_path);
  if (key == "page_title") return read_text(key, value, false, out.page_title);
  if (key == "page_header") return read_text(key, value, false, out.page_header);
  if (key == "page_subheader") return read_text(key, value, true, out.page_subheader);
  if (key == "page_logo") return read_text(key, value, true, out.page_logo);
  if (key == "page_settings") {
    if (!value.is_object()) return field_error(key, "must be an object");
    out.page_settings_json = json::serialize(value);
    return std::nullopt;
  }
  // The only field left is monitors (unknown fields were rejected before).
  if (!value.is_array()) return field_error(key, "must be an array of monitor tags");
  std::vector<std::string> tags;
  for (const json::value& tag : value.get_array()) {
    if (!tag.is_string()) return field_error(key, "must be an array of monitor tags");
    tags.emplace_back(tag.get_string());
  }
  out.monitors = std::move(tags);
  return std::nullopt;
}

}  // namespace

Result<PagePatch> page_patch_from_json(const json::object& body) {
  if (auto error =
          reject_unknown_keys(body, {"page_path", "page_title", "page_header", "page_subheader",
                                     "page_logo", "page_settings", "monitors"})) {
    return *error;
  }
  PagePatch patch;
  for (const auto& member : body) {
    if (auto error = read_field(member.key(), member.value(), patch)) return *error;
  }
  return patch;
}

json::object page_to_json(const PageSpec& page, const MonitorService& monitors) {
  json::array listed;
  for (const std::string& tag : page.monitors) {
    if (auto monitor = monitors.find(tag)) {
      listed.push_back(monitor_to_json(monitors.redacted(*monitor)));
    }
  }
  json::object o;
  o["id"] = page.id;
  o["page_path"] = page_path_token(page.page_path);
  o["page_title"] = page.page_title;
  o["page_header"] = page.page_header;
  o["page_subheader"] = page.page_subheader;
  o["page_logo"] = page.page_logo;
  o["page_settings"] = stored_json(page.page_settings_json);
  o["monitors"] = std::move(listed);
  o["created_at"] = iso8601(page.created_at);
  o["updated_at"] = iso8601(page.updated_at);
  return o;
}

Result<PageSpec> page_from_json(const json::object& body) {
  auto patch = page_patch_from_json(body);
  if (!patch.ok()) return patch.error();
  const std::pair<std::string_view, const std::optional<std::string>*> required[] = {
      {"page_path", &patch->page_path},
      {"page_title", &patch->page_title},
      {"page_header", &patch->page_header}};
  for (const auto& [field, value] : required) {
    if (!value->has_value()) return field_error(field, "is required");
  }
  PageSpec page;
  page.page_path = std::move(*patch->page_path);
  page.page_title = std::move(*patch->page_title);
  page.page_header = std::move(*patch->page_header);
  page.page_subheader = patch->page_subheader.value_or("");
  page.page_logo = patch->page_logo.value_or("");
  page.page_settings_json = patch->page_settings_json.value_or("{}");
  page.monitors = patch->monitors.value_or(std::vector<std::string>{});
  return page;
}

}  // namespace vigil
