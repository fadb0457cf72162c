#pragma once

#include <boost/json.hpp>

#include "core/monitor_type_catalog.hpp"

namespace vigil::testing {

//! Knows NONE, API (type_data needs a url) and TCP (type_data needs hosts, each with host and
//! port), with Kener's type_data shapes; its messages are worded like ProbeRegistry's.
class FakeMonitorTypeCatalog final : public MonitorTypeCatalog {
 public:
  //! MonitorTypeCatalog: nothing to generate.
  void prepare(MonitorSpec&, const MonitorSpec*) const override {}
  //! MonitorTypeCatalog: no type here has secrets.
  MonitorSpec redact(const MonitorSpec& spec) const override { return spec; }
  //! MonitorTypeCatalog: no type here reads other monitors.
  std::vector<std::string> dependencies(const MonitorSpec&) const override { return {}; }
  //! MonitorTypeCatalog.
  std::optional<std::string> check(const MonitorSpec& spec) const override {
    const boost::json::object data = boost::json::parse(spec.type_data).as_object();
    if (spec.monitor_type == "NONE") return std::nullopt;
    if (spec.monitor_type == "API") {
      if (!data.contains("url") || !data.at("url").is_string()) return "type_data.url: is required";
      return std::nullopt;
    }
    if (spec.monitor_type == "TCP") {
      if (!data.contains("hosts") || !data.at("hosts").is_array())
        return "type_data.hosts: is required";
      for (const auto& host : data.at("hosts").as_array()) {
        const auto* fields = host.if_object();
        if (fields == nullptr || !fields->contains("host") || !fields->contains("port") ||
            !fields->at("port").is_int64()) {
          return "each host needs host and port";
        }
      }
      return std::nullopt;
    }
    return "unknown monitor_type " + spec.monitor_type + "; supported: API, NONE, TCP";
  }
};

}  // namespace vigil::testing
