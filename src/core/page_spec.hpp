#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! How a status page shows incidents (Kener's page_settings.incidents).
struct PageIncidentSettings {
  bool enabled = true;            //!< incidents shown at all
  bool show_ongoing = true;       //!< ongoing.show
  bool show_resolved = true;      //!< resolved.show
  int resolved_max_count = 5;     //!< resolved.max_count
  int resolved_days_in_past = 7;  //!< resolved.days_in_past
  bool operator==(const PageIncidentSettings&) const = default;
};

//! How a status page shows maintenances (Kener's page_settings.include_maintenances).
struct PageMaintenanceSettings {
  bool enabled = true;               //!< maintenances shown at all
  bool show_ongoing = true;          //!< ongoing.show
  bool show_past = true;             //!< ongoing.past.show
  int past_max_count = 5;            //!< ongoing.past.max_count
  int past_days_in_past = 7;         //!< ongoing.past.days_in_past
  bool show_upcoming = true;         //!< ongoing.upcoming.show
  int upcoming_max_count = 5;        //!< ongoing.upcoming.max_count
  int upcoming_days_in_future = 30;  //!< ongoing.upcoming.days_in_future
  bool operator==(const PageMaintenanceSettings&) const = default;
};

//! Kener's PageSettings, typed, with Kener's defaults. Empty meta fields fall back to the site's.
struct PageSettings {
  PageIncidentSettings incidents;                     //!< incidents
  PageMaintenanceSettings include_maintenances;       //!< include_maintenances
  int history_days_desktop = 90;                      //!< monitor_status_history_days.desktop
  int history_days_mobile = 30;                       //!< monitor_status_history_days.mobile
  std::string monitor_layout_style = "default-list";  //!< one of kMonitorLayoutStyles
  std::string meta_page_title;                        //!< meta_page_title
  std::string meta_page_description;                  //!< meta_page_description
  std::string social_page_preview_image;              //!< social_page_preview_image
  bool operator==(const PageSettings&) const = default;
};

//! A status page: Kener's pages row plus its monitors in position order.
struct PageSpec {
  std::int64_t id = 0;                    //!< set by the store
  std::string page_path;                  //!< one URL segment; "" for the home page
  std::string page_title;                 //!< browser title
  std::string page_header;                //!< heading shown on the page
  std::string page_subheader;             //!< Markdown under the heading
  std::string page_logo;                  //!< logo URL; empty for the site's
  std::string page_settings_json = "{}";  //!< JSON object; PageService fills in the defaults
  PageSettings settings;                  //!< typed view of page_settings_json (PageService)
  std::vector<std::string> monitors;      //!< monitor tags, in the order they are shown
  Seconds created_at = 0;                 //!< set by the store
  Seconds updated_at = 0;                 //!< set by the store
};

//! How the home page is addressed in the API (its stored path is empty).
inline constexpr std::string_view kHomePageToken = "~home";

//! Kener's monitor_layout_style values.
inline constexpr std::string_view kMonitorLayoutStyles[] = {"default-list", "default-grid",
                                                            "compact-list", "compact-grid"};

//! Kener's page settings defaults as a JSON object (the JSON form of PageSettings{}).
std::string_view default_page_settings_json();

//! The API form of a stored path: "~home" for the home page, the path otherwise.
std::string page_path_token(std::string_view page_path);

//! Turns a requested path into a stored one as Kener does (lower case, trimmed, spaces to '-',
//! other characters dropped); "~home" is the home page (""). Errors (kBadRequest, "page_path: ...")
//! for a path that is empty, sanitises to nothing, is too long or is one of Vigil's own routes.
Result<std::string> sanitize_page_path(std::string_view requested);

//! Checks title, header, path and monitor tags; returns "field: problem" lines.
std::vector<std::string> validate_page_fields(const PageSpec& page);

//! Checks the ranges and choices of typed settings; returns "page_settings.field: problem" lines.
std::vector<std::string> validate_page_settings(const PageSettings& settings);

}  // namespace vigil
