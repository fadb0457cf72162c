#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/page_spec.hpp"

namespace vigil {

//! Persists status pages and their monitor lists. Pages come back with page_settings_json as
//! stored; the typed `settings` field is left at its defaults.
class PageStore {
 public:
  virtual ~PageStore() = default;
  //! Every page in creation order (the home page first), monitors in position order.
  virtual std::vector<PageSpec> list() = 0;
  //! One page by stored path ("" for the home page).
  virtual std::optional<PageSpec> get(std::string_view page_path) = 0;
  //! Inserts a page and its monitors; kConflict when the path is taken. Sets id and timestamps.
  virtual Result<PageSpec> create(const PageSpec& page) = 0;
  //! Replaces a page (matched by id) and its monitor list; kNotFound when absent, kConflict when
  //! the new path is taken. Sets updated_at.
  virtual Result<PageSpec> update(const PageSpec& page) = 0;
  //! Deletes a page and its monitor links; false when absent.
  virtual bool remove(std::int64_t id) = 0;
};

}  // namespace vigil
