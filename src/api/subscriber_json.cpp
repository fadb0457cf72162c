#include "api/subscriber_json.hpp"

#include "api/json_request.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

void read_status(JsonFieldReader& reader, bool& active) {
  std::string status = active ? "ACTIVE" : "INACTIVE";
  reader.text("status", status);
  if (status != "ACTIVE" && status != "INACTIVE") {
    reader.fail("status", "must be ACTIVE or INACTIVE");
  }
  active = status == "ACTIVE";
}

//! Reads {"incidents", "maintenances", "scope": "ALL"|"CHOSEN", "pages", "monitors"}.
SubscriberPreferences read_preferences(const json::object& object, const PageService& pages,
                                       std::vector<std::string>& problems) {
  SubscriberPreferences p;
  if (auto error = reject_unknown_keys(
          object, {"incidents", "maintenances", "scope", "pages", "monitors"})) {
    problems.push_back("preferences." + error->message);
    return p;
  }
  JsonFieldReader reader(object, "preferences", problems);
  reader.boolean("incidents", p.incidents);
  reader.boolean("maintenances", p.maintenances);
  std::string scope = "ALL";
  reader.text("scope", scope);
  if (scope != "ALL" && scope != "CHOSEN") reader.fail("scope", "must be ALL or CHOSEN");
  p.everything = scope == "ALL";
  if (const json::array* list = reader.array("pages")) {
    for (const auto& item : *list) {
      auto page = item.is_string() ? pages.get(item.as_string())
                                   : Result<std::shared_ptr<const PageSpec>>(Error{});
      if (!page.ok()) {
        reader.fail("pages", "each item must be the token of an existing page (~home, a path)");
        continue;
      }
      p.page_ids.push_back(page.value()->id);
    }
  }
  if (const json::array* list = reader.array("monitors")) {
    for (const auto& item : *list) {
      if (!item.is_string()) {
        reader.fail("monitors", "each item must be a monitor tag");
        continue;
      }
      p.monitor_tags.emplace_back(item.as_string());
    }
  }
  return p;
}

//! Reads the "preferences" member when present.
std::optional<SubscriberPreferences> preferences_member(JsonFieldReader& reader,
                                                        const PageService& pages,
                                                        std::vector<std::string>& problems) {
  const json::object* object = reader.object("preferences");
  if (!object) return std::nullopt;
  return read_preferences(*object, pages, problems);
}

}  // namespace

json::object subscriber_to_json(const Subscriber& subscriber, const PageService& pages) {
  const auto& p = subscriber.preferences;
  json::array page_tokens;
  for (const auto& page : pages.list()) {
    if (std::binary_search(p.page_ids.begin(), p.page_ids.end(), page->id)) {
      page_tokens.emplace_back(page_path_token(page->page_path));
    }
  }
  json::array monitors;
  for (const auto& tag : p.monitor_tags) monitors.emplace_back(tag);
  return json::object{{"id", subscriber.id},
                      {"type", to_string(subscriber.kind)},
                      {"address", subscriber.address},
                      {"status", subscriber.active ? "ACTIVE" : "INACTIVE"},
                      {"confirmed", subscriber.confirmed},
                      {"preferences", json::object{{"incidents", p.incidents},
                                                   {"maintenances", p.maintenances},
                                                   {"scope", p.everything ? "ALL" : "CHOSEN"},
                                                   {"pages", std::move(page_tokens)},
                                                   {"monitors", std::move(monitors)}}},
                      {"created_at", iso8601(subscriber.created_at)},
                      {"updated_at", iso8601(subscriber.updated_at)}};
}

Result<NewSubscriber> new_subscriber(const json::object& body, const PageService& pages) {
  if (auto error = reject_unknown_keys(body, {"type", "address", "status", "preferences"})) {
    return *error;
  }
  NewSubscriber out;
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  reader.require({"address"});
  std::string type = "EMAIL";
  reader.text("type", type);
  auto kind = parse_subscriber_kind(type);
  if (!kind) reader.fail("type", "must be EMAIL or WEBHOOK");
  out.kind = kind.value_or(SubscriberKind::kEmail);
  reader.text("address", out.address);
  read_status(reader, out.active);
  if (auto p = preferences_member(reader, pages, problems)) out.preferences = std::move(*p);
  if (!problems.empty()) return bad_request(problems);
  return out;
}

Result<SubscriberPatch> subscriber_patch(const json::object& body, const PageService& pages) {
  if (auto error = reject_unknown_keys(body, {"status", "preferences"})) return *error;
  SubscriberPatch patch;
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (const json::value* status = body.if_contains("status"); status && !status->is_null()) {
    bool active = true;
    read_status(reader, active);
    patch.active = active;
  }
  patch.preferences = preferences_member(reader, pages, problems);
  if (!problems.empty()) return bad_request(problems);
  return patch;
}

}  // namespace vigil
