#include "api/incident_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/incident_json.hpp"
#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::int64_t kListLimit = 1000;  // as Kener

HttpResponse incident_response(int status, const Incident& incident) {
  return json_response(status, json::object{{"incident", incident_to_json(incident)}});
}

HttpResponse comment_response(int status, const IncidentComment& comment) {
  return json_response(status, json::object{{"comment", comment_to_json(comment)}});
}

HttpResponse list_incidents(const IncidentService& incidents, const HttpRequest& request) {
  IncidentQuery query;
  auto start = integer_query(request, "start_ts", false);
  if (!start.ok()) return error_response(start.error());
  auto end = integer_query(request, "end_ts", false);
  if (!end.ok()) return error_response(end.error());
  query.start_from = *start;
  query.start_until = *end;
  query.monitor_tags = list_query(request, "monitor_tags");
  query.limit = kListLimit;
  json::array list;
  for (const auto& incident : incidents.list(query)) list.push_back(incident_to_json(incident));
  return json_response(200, json::object{{"incidents", std::move(list)}});
}

HttpResponse create_incident(IncidentService& incidents, const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  Incident incident;
  incident.source = IncidentSource::kApi;
  if (auto error = apply_incident_json(body.value(), true, incident)) return error_response(*error);
  auto created = incidents.create(std::move(incident));
  if (!created.ok()) return error_response(created.error());
  return incident_response(201, created.value());
}

//! Runs `handle` with the incident named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_incident(const IncidentService& incidents, const PathParams& params,
                           Handle&& handle) {
  auto id = integer_segment(params.at("incident_id"), "incident_id");
  if (!id.ok()) return error_response(id.error());
  auto incident = incidents.find(id.value());
  if (!incident) {
    return error_response(
        {ErrorCode::kNotFound, "Incident with id '" + std::to_string(id.value()) + "' not found"});
  }
  return handle(*incident);
}

HttpResponse update_incident(IncidentService& incidents, const HttpRequest& request,
                             Incident incident) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = apply_incident_json(body.value(), false, incident))
    return error_response(*error);
  auto updated = incidents.update(std::move(incident));
  if (!updated.ok()) return error_response(updated.error());
  return incident_response(200, updated.value());
}

HttpResponse add_comment(IncidentService& incidents, const HttpRequest& request,
                         const Incident& incident) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto fields = comment_fields(body.value(), true);
  if (!fields.ok()) return error_response(fields.error());
  auto added =
      incidents.add_comment(incident.id, *fields->comment, *fields->state, fields->timestamp);
  if (!added.ok()) return error_response(added.error());
  return comment_response(201, added.value());
}

//! Runs `handle` with the comment named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_comment(const IncidentService& incidents, const Incident& incident,
                          const PathParams& params, Handle&& handle) {
  auto id = integer_segment(params.at("comment_id"), "comment_id");
  if (!id.ok()) return error_response(id.error());
  auto comment = incidents.comment(incident.id, id.value());
  if (!comment.ok()) return error_response(comment.error());
  return handle(comment.value());
}

HttpResponse update_comment(IncidentService& incidents, const HttpRequest& request,
                            IncidentComment comment) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto fields = comment_fields(body.value(), false);
  if (!fields.ok()) return error_response(fields.error());
  if (fields->comment) comment.comment = *fields->comment;
  if (fields->state) comment.state = *fields->state;
  if (fields->timestamp) comment.commented_at = *fields->timestamp;
  auto updated = incidents.update_comment(std::move(comment));
  if (!updated.ok()) return error_response(updated.error());
  return comment_response(200, updated.value());
}

HttpResponse deleted(std::string_view what, std::int64_t id) {
  return json_response(
      200, json::object{{"message", std::string(what) + " with id '" + std::to_string(id) +
                                        "' deleted successfully"}});
}

}  // namespace

void add_incident_routes(Router& router, const ApiKeyService& keys, IncidentService& incidents) {
  const std::string collection = "/api/v4/incidents";
  const std::string item = collection + "/{incident_id}";
  const std::string comments = item + "/comments";
  const std::string comment = comments + "/{comment_id}";
  auto route = [&](const char* method, const std::string& pattern, RouteHandler handler) {
    router.add(method, pattern, require_api_key(keys, std::move(handler)));
  };

  route("GET", collection,
        [&](const HttpRequest& r, const PathParams&) { return list_incidents(incidents, r); });
  route("POST", collection,
        [&](const HttpRequest& r, const PathParams&) { return create_incident(incidents, r); });
  route("GET", item, [&](const HttpRequest&, const PathParams& p) {
    return with_incident(incidents, p, [](const Incident& i) { return incident_response(200, i); });
  });
  route("PATCH", item, [&](const HttpRequest& r, const PathParams& p) {
    return with_incident(incidents, p,
                         [&](const Incident& i) { return update_incident(incidents, r, i); });
  });
  route("DELETE", item, [&](const HttpRequest&, const PathParams& p) {
    return with_incident(incidents, p, [&](const Incident& i) {
      if (auto error = incidents.remove(i.id)) return error_response(*error);
      return deleted("Incident", i.id);
    });
  });
  route("GET", comments, [&](const HttpRequest&, const PathParams& p) {
    return with_incident(incidents, p, [&](const Incident& i) {
      auto found = incidents.comments(i.id);
      if (!found.ok()) return error_response(found.error());
      json::array list;
      for (const auto& c : found.value()) list.push_back(comment_to_json(c));
      return json_response(200, json::object{{"comments", std::move(list)}});
    });
  });
  route("POST", comments, [&](const HttpRequest& r, const PathParams& p) {
    return with_incident(incidents, p,
                         [&](const Incident& i) { return add_comment(incidents, r, i); });
  });
  route("GET", comment, [&](const HttpRequest&, const PathParams& p) {
    return with_incident(incidents, p, [&](const Incident& i) {
      return with_comment(incidents, i, p,
                          [](const IncidentComment& c) { return comment_response(200, c); });
    });
  });
  route("PATCH", comment, [&](const HttpRequest& r, const PathParams& p) {
    return with_incident(incidents, p, [&](const Incident& i) {
      return with_comment(incidents, i, p, [&](const IncidentComment& c) {
        return update_comment(incidents, r, c);
      });
    });
  });
  route("DELETE", comment, [&](const HttpRequest&, const PathParams& p) {
    return with_incident(incidents, p, [&](const Incident& i) {
      return with_comment(incidents, i, p, [&](const IncidentComment& c) {
        if (auto error = incidents.remove_comment(i.id, c.id)) return error_response(*error);
        return deleted("Comment", c.id);
      });
    });
  });
}

}  // namespace vigil
