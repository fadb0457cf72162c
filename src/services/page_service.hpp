#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/page_spec.hpp"
#include "services/monitor_service.hpp"
#include "services/site_revision.hpp"
#include "storage/page_store.hpp"

namespace vigil {

//! The fields of a page to change (Kener's UpdatePageRequest); unset fields stay as they are.
struct PagePatch {
  std::optional<std::string> page_path;              //!< requested path, sanitised as on create
  std::optional<std::string> page_title;             //!< new title
  std::optional<std::string> page_header;            //!< new header
  std::optional<std::string> page_subheader;         //!< new subheader (Markdown)
  std::optional<std::string> page_logo;              //!< new logo URL
  std::optional<std::string> page_settings_json;     //!< JSON object deep-merged into settings
  std::optional<std::vector<std::string>> monitors;  //!< replaces the monitor list
};

//! Status page use cases (Kener's /api/v4/pages): validated create/update/delete, config
//! reconciliation, and an in-memory copy of every page for the renderer's hot reads. Pages are
//! addressed by stored path ("" is the home page) or, in the API, by token ("~home").
class PageService {
 public:
  //! Uses `store`, checks monitor tags against `monitors` and bumps `revision` after every stored
  //! change; all must outlive the service.
  PageService(PageStore& store, const MonitorService& monitors, SiteRevision& revision);

  //! Loads every stored page into memory (call once at start, after the monitors).
  void load();
  //! Every page in creation order (the home page first).
  std::vector<std::shared_ptr<const PageSpec>> list() const;
  //! The page at a stored path ("" for the home page), or nullptr.
  std::shared_ptr<const PageSpec> find(std::string_view page_path) const;
  //! The page addressed by an API token ("~home" or a path); kNotFound when there is none.
  Result<std::shared_ptr<const PageSpec>> get(std::string_view token) const;
  //! Creates a page from Kener's CreatePageRequest fields: the path is sanitised, the settings
  //! (a partial object) are merged over the defaults. kConflict when the path is taken,
  //! kBadRequest for bad fields or monitors that do not exist.
  Result<PageSpec> create(PageSpec page);
  //! Changes the page addressed by `token`; settings are deep-merged, monitors replaced. The
  //! home page's path cannot change (kBadRequest); kNotFound, kConflict, kBadRequest as above.
  Result<PageSpec> update(std::string_view token, const PagePatch& patch);
  //! Deletes the page addressed by `token`; the home page cannot be deleted (kBadRequest).
  std::optional<Error> remove(std::string_view token);
  //! Drops a deleted monitor from every page in memory (the store's cascade drops its links).
  void forget_monitor(std::string_view tag);
  //! Makes every declared page (stored path, partial settings; from the config file) exist as
  //! declared: created, or replaced field by field. Returns the errors.
  std::vector<Error> reconcile(const std::vector<PageSpec>& declared);

 private:
  std::optional<Error> prepare(PageSpec& page, std::string_view settings_patch) const;
  Result<PageSpec> store_new(PageSpec page, std::string_view settings_patch);
  Result<PageSpec> store_changed(PageSpec page, std::string_view settings_patch,
                                 const std::string& old_path);
  void remember(const PageSpec& page, const std::string* old_path);

  PageStore& store_;
  const MonitorService& monitors_;
  SiteRevision& revision_;
  std::mutex update_mutex_;  //!< one change at a time, so none is lost from memory
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const PageSpec>, std::less<>> pages_;  //!< by path
};

}  // namespace vigil
