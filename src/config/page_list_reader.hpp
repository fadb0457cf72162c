#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "core/page_spec.hpp"
#include "core/site_schema.hpp"

namespace vigil {

//! Reads the `pages` list: path ("" or "~home" for the home page), title, header, subheader,
//! logo, settings (Kener's page_settings) and monitors (tags in display order). Paths must
//! already be in their stored form and unique; problems go to the error list.
class PageListReader {
 public:
  PageListReader(const SiteSchema& schema, ErrorList& errors) : schema_(schema), errors_(errors) {}

  //! The pages declared by `list` (a YAML list, or null for none), with stored paths.
  std::vector<PageSpec> read(const YAML::Node& list);

 private:
  const SiteSchema& schema_;
  ErrorList& errors_;
  std::map<std::string, int> path_lines_;  //!< stored path → 1-based line of its first page
};

}  // namespace vigil
