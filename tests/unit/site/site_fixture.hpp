#pragma once

#include <map>
#include <string>

#include "../services/subscriber_fixture.hpp"
#include "http/request_target.hpp"
#include "http/router.hpp"
#include "services/batch_writer.hpp"
#include "services/ingestor.hpp"
#include "services/live_state.hpp"
#include "services/status_summary_service.hpp"
#include "site/site_deps.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"

namespace vigil::testing {

//! SubscriberFixture plus everything the public site reads, wired as in the server (results on
//! the same SQLite file, the built-in templates and catalogue, a response cache), and a Router
//! that a test adds the site's routes to and sends requests through as a browser would.
class SiteFixture : public SubscriberFixture {
 protected:
  //! Dispatches a request for `target`; `form` is sent as an urlencoded body.
  HttpResponse send(const std::string& method, const std::string& target,
                    const std::string& form = "",
                    const std::map<std::string, std::string>& headers = {}) {
    HttpRequest request;
    request.method = method;
    request.target = target;
    EXPECT_TRUE(parse_request_target(target, request));
    request.body = form;
    request.headers = headers;
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    return router_.dispatch(request);
  }

  //! A response header's value, or "".
  static std::string header(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }

  SqliteResultStore result_store_{database_};
  LiveState live_;
  BatchWriter writer_{result_store_, std::chrono::seconds(1), 1000};
  Ingestor ingestor_{result_store_, writer_, live_, clock_, [](const std::string&) { return 1; }};
  StatusSummaryService summaries_{
      [this](Granularity g, Seconds from, Seconds to) { return ingestor_.sum(g, from, to); }, live_,
      clock_};
  DayHistoryCache history_;
  TemplateSet templates_;
  ResponseCache cache_;
  LiveFeed feed_{live_};
  SiteDeps deps_{monitors_,
                 pages_,
                 site_,
                 summaries_,
                 ingestor_,
                 incidents_,
                 maintenances_,
                 history_,
                 live_,
                 revision_,
                 clock_,
                 templates_,
                 MessageCatalog::builtin(),
                 cache_,
                 feed_};
  Router router_;
};

}  // namespace vigil::testing
