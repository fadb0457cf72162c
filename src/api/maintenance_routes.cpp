#include "api/maintenance_routes.hpp"

#include <algorithm>

#include "api/bearer_auth.hpp"
#include "api/impact_json.hpp"
#include "api/json_request.hpp"
#include "api/maintenance_json.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::int64_t kDefaultLimit = 20;
constexpr std::int64_t kMaxLimit = 100;

HttpResponse maintenance_response(int status, const Maintenance& maintenance) {
  return json_response(status, json::object{{"maintenance", maintenance_to_json(maintenance)}});
}

HttpResponse event_response(const MaintenanceEvent& event) {
  return json_response(200, json::object{{"event", event_to_json(event)}});
}

HttpResponse deleted(std::string_view what, std::int64_t id) {
  return json_response(
      200, json::object{{"message", std::string(what) + " with id '" + std::to_string(id) +
                                        "' deleted successfully"}});
}

//! Kener's page (from 1) and limit (1-100, default 20); out-of-range values are clamped.
Result<std::pair<std::int64_t, std::int64_t>> pagination(const HttpRequest& request) {
  auto page = integer_query(request, "page", false);
  if (!page.ok()) return page.error();
  auto limit = integer_query(request, "limit", false);
  if (!limit.ok()) return limit.error();
  return std::pair{std::max<std::int64_t>(1, page->value_or(1)),
                   std::clamp<std::int64_t>(limit->value_or(kDefaultLimit), 1, kMaxLimit)};
}

HttpResponse event_page(const MaintenanceService& maintenances, MaintenanceEventQuery query,
                        const HttpRequest& request, bool detailed) {
  auto paging = pagination(request);
  if (!paging.ok()) return error_response(paging.error());
  auto [page, limit] = paging.value();
  query.offset = (page - 1) * limit;
  query.limit = limit;
  auto found = maintenances.events(query);
  json::array list;
  for (const auto& detail : found.events) {
    list.push_back(detailed ? event_detail_to_json(detail) : event_to_json(detail.event));
  }
  return json_response(
      200,
      json::object{
          {"events", std::move(list)}, {"page", page}, {"limit", limit}, {"total", found.total}});
}

HttpResponse list_maintenances(const MaintenanceService& maintenances, const HttpRequest& request) {
  MaintenanceFilter filter;
  if (auto status = request.query_param("status")) {
    if (*status != "ACTIVE" && *status != "INACTIVE") {
      return error_response({ErrorCode::kBadRequest, "status must be ACTIVE or INACTIVE"});
    }
    filter.active = *status == "ACTIVE";
  }
  if (auto tag = request.query_param("monitor_tag"); tag && !tag->empty()) {
    filter.monitor_tag = std::string(*tag);
  }
  json::array list;
  for (const auto& m : maintenances.list(filter)) list.push_back(maintenance_to_json(m));
  return json_response(200, json::object{{"maintenances", std::move(list)}});
}

HttpResponse list_all_events(const MaintenanceService& maintenances, const HttpRequest& request,
                             const Clock& clock) {
  MaintenanceEventQuery query;
  auto start = integer_query(request, "event_start_date_time", false);
  if (!start.ok()) return error_response(start.error());
  query.start_from = floor_to(start->value_or(to_seconds(clock.now_ms())), kMinute);
  auto maintenance_id = integer_query(request, "maintenance_id", false);
  if (!maintenance_id.ok()) return error_response(maintenance_id.error());
  query.maintenance_id = *maintenance_id;
  if (auto status = request.query_param("event_status"); status && !status->empty()) {
    auto parsed = parse_maintenance_event_status(*status);
    if (!parsed) {
      return error_response({ErrorCode::kBadRequest,
                             "event_status must be SCHEDULED, READY, ONGOING, COMPLETED or "
                             "CANCELLED"});
    }
    query.statuses = {*parsed};
  }
  query.monitor_tags = list_query(request, "monitors");
  return event_page(maintenances, std::move(query), request, true);
}

HttpResponse create_maintenance(MaintenanceService& maintenances, const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  Maintenance maintenance;
  if (auto error = apply_maintenance_json(body.value(), true, maintenance)) {
    return error_response(*error);
  }
  auto created = maintenances.create(std::move(maintenance));
  if (!created.ok()) return error_response(created.error());
  return maintenance_response(201, created.value());
}

HttpResponse update_maintenance(MaintenanceService& maintenances, const HttpRequest& request,
                                Maintenance maintenance) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = apply_maintenance_json(body.value(), false, maintenance)) {
    return error_response(*error);
  }
  auto updated = maintenances.update(std::move(maintenance));
  if (!updated.ok()) return error_response(updated.error());
  return maintenance_response(200, updated.value());
}

//! Runs `handle` with the maintenance named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_maintenance(const MaintenanceService& maintenances, const PathParams& params,
                              Handle&& handle) {
  auto id = integer_segment(params.at("maintenance_id"), "maintenance_id");
  if (!id.ok()) return error_response(id.error());
  auto maintenance = maintenances.find(id.value());
  if (!maintenance) {
    return error_response({ErrorCode::kNotFound,
                           "Maintenance with id '" + std::to_string(id.value()) + "' not found"});
  }
  return handle(*maintenance);
}

//! Runs `handle` with the event named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_event(const MaintenanceService& maintenances, const PathParams& params,
                        Handle&& handle) {
  auto maintenance_id = integer_segment(params.at("maintenance_id"), "maintenance_id");
  if (!maintenance_id.ok()) return error_response(maintenance_id.error());
  auto event_id = integer_segment(params.at("event_id"), "event_id");
  if (!event_id.ok()) return error_response(event_id.error());
  auto event = maintenances.event(maintenance_id.value(), event_id.value());
  if (!event.ok()) return error_response(event.error());
  return handle(event.value());
}

HttpResponse event_result(const Result<MaintenanceEvent>& result) {
  return result.ok() ? event_response(result.value()) : error_response(result.error());
}

//! Kener's two modes: a new window (both times) or a final status, never both.
HttpResponse update_event(MaintenanceService& maintenances, const HttpRequest& request,
                          const MaintenanceEvent& event) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  const json::object& o = body.value();
  if (auto error = reject_unknown_keys(o, {"start_date_time", "end_date_time", "status"})) {
    return error_response(*error);
  }
  if (const json::value* status = o.if_contains("status")) {
    if (o.contains("start_date_time") || o.contains("end_date_time")) {
      return error_response({ErrorCode::kBadRequest,
                             "give either status or start_date_time and end_date_time, not both"});
    }
    auto parsed = status->is_string()
                      ? parse_maintenance_event_status(std::string_view(status->get_string()))
                      : std::nullopt;
    if (!parsed) {
      return error_response({ErrorCode::kBadRequest, "status must be COMPLETED or CANCELLED"});
    }
    return event_result(maintenances.finish_event(event.maintenance_id, event.id, *parsed));
  }
  std::vector<std::string> problems;
  JsonFieldReader(o, "", problems).require({"start_date_time", "end_date_time"});
  Seconds start = 0;
  Seconds end = 0;
  read_seconds(o, "start_date_time", start, problems);
  read_seconds(o, "end_date_time", end, problems);
  if (!problems.empty()) return error_response(bad_request(problems));
  return event_result(maintenances.move_event(event.maintenance_id, event.id, start, end));
}

}  // namespace

void add_maintenance_routes(Router& router, const ApiKeyService& keys,
                            MaintenanceService& maintenances, const Clock& clock) {
  const std::string collection = "/api/v4/maintenances";
  const std::string all_events = collection + "/events";
  const std::string item = collection + "/{maintenance_id}";
  const std::string events = item + "/events";
  const std::string event = events + "/{event_id}";
  auto route = [&](const char* method, const std::string& pattern, RouteHandler handler) {
    router.add(method, pattern, require_api_key(keys, std::move(handler)));
  };

  route("GET", collection, [&](const HttpRequest& r, const PathParams&) {
    return list_maintenances(maintenances, r);
  });
  route("POST", collection, [&](const HttpRequest& r, const PathParams&) {
    return create_maintenance(maintenances, r);
  });
  route("GET", all_events, [&](const HttpRequest& r, const PathParams&) {
    return list_all_events(maintenances, r, clock);
  });
  route("GET", item, [&](const HttpRequest&, const PathParams& p) {
    return with_maintenance(maintenances, p,
                            [](const Maintenance& m) { return maintenance_response(200, m); });
  });
  route("PATCH", item, [&](const HttpRequest& r, const PathParams& p) {
    return with_maintenance(maintenances, p, [&](const Maintenance& m) {
      return update_maintenance(maintenances, r, m);
    });
  });
  route("DELETE", item, [&](const HttpRequest&, const PathParams& p) {
    return with_maintenance(maintenances, p, [&](const Maintenance& m) {
      if (auto error = maintenances.remove(m.id)) return error_response(*error);
      return deleted("Maintenance", m.id);
    });
  });
  route("GET", events, [&](const HttpRequest& r, const PathParams& p) {
    return with_maintenance(maintenances, p, [&](const Maintenance& m) {
      MaintenanceEventQuery query;
      query.maintenance_id = m.id;
      return event_page(maintenances, std::move(query), r, false);
    });
  });
  route("GET", event, [&](const HttpRequest&, const PathParams& p) {
    return with_event(maintenances, p, [](const MaintenanceEvent& e) { return event_response(e); });
  });
  route("PATCH", event, [&](const HttpRequest& r, const PathParams& p) {
    return with_event(maintenances, p,
                      [&](const MaintenanceEvent& e) { return update_event(maintenances, r, e); });
  });
  route("DELETE", event, [&](const HttpRequest&, const PathParams& p) {
    return with_event(maintenances, p, [&](const MaintenanceEvent& e) {
      if (auto error = maintenances.remove_event(e.maintenance_id, e.id)) {
        return error_response(*error);
      }
      return deleted("Event", e.id);
    });
  });
}

}  // namespace vigil
