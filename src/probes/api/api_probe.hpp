#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/condition_set.hpp"
#include "core/env_substitution.hpp"
#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's API monitor: one HTTP(S) request per check on a fresh connection, through the shared
//! curl engine. 2xx, 3xx and 429 are UP, anything else DOWN, unless Gatus-style conditions are
//! given, which then decide alone; a keyword must (not) be in the body; slow answers can be
//! DEGRADED.
class ApiProbe final : public Probe {
 public:
  //! Kener's API type_data plus Vigil's degraded_above_ms, validated.
  struct Settings {
    std::string url;                                           //!< http or https; may hold $NAME
    std::string method = "GET";                                //!< upper case
    std::vector<std::pair<std::string, std::string>> headers;  //!< values may hold $NAME
    std::string body;                                          //!< may hold $NAME
    long timeout_ms = 10000;                                   //!< for the whole exchange
    bool allow_self_signed_cert = false;                       //!< skip certificate checks
    bool follow_redirects = true;                              //!< follow Location headers
    long max_redirects = 5;                                    //!< hops before DOWN
    std::optional<double> degraded_above_ms;                   //!< UP but slower → DEGRADED
    ConditionSet conditions;            //!< type_data.conditions, then the keyword check, in order
    bool status_by_conditions = false;  //!< conditions were given: they replace the status rule
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings`; `$NAME` references are resolved with `env` at each check.
  ApiProbe(Settings settings, EnvLookup env);
  //! Probe: sends the request and classifies the answer or the transport failure.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  struct Exchange;

  Settings settings_;
  EnvLookup env_;
  std::shared_ptr<const ConditionSet> conditions_;  // shared with checks still in flight
};

//! The API kind for the registry; `$NAME` references read the process environment.
ProbeKind api_probe_kind();

}  // namespace vigil
