#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/site_settings.hpp"
#include "services/site_revision.hpp"
#include "storage/site_store.hpp"

namespace vigil {

//! Site settings use cases (Kener's /api/v4/site): every known key with its stored value or its
//! default, validated updates, config reconciliation, and a typed snapshot for the renderer.
class SiteService {
 public:
  //! Uses `store` and bumps `revision` after every stored change; both must outlive the service.
  SiteService(SiteStore& store, SiteRevision& revision);

  //! Loads the stored values (call once at start); a stored value that no longer passes the
  //! checks is logged and its default used.
  void load();
  //! Every known key with its value (stored or default), in site_keys() order.
  std::vector<SiteDataEntry> entries() const;
  //! One key's entry; kNotFound for a key Vigil does not know.
  Result<SiteDataEntry> entry(std::string_view key) const;
  //! Checks and stores one key's value (JSON text); kNotFound for an unknown key, kBadRequest for
  //! a bad value. Storing the value already there changes nothing.
  Result<SiteDataEntry> update(std::string_view key, std::string_view value_json);
  //! Every setting resolved (an immutable snapshot, replaced on each change; cheap to call).
  std::shared_ptr<const SiteSettings> settings() const;
  //! Stores every declared value (from the config file); returns the errors.
  std::vector<Error> reconcile(const std::vector<SiteDataEntry>& declared);

 private:
  SiteStore& store_;
  SiteRevision& revision_;
  std::mutex update_mutex_;  //!< one update at a time, so none is lost from the snapshot
  mutable std::mutex mutex_;
  std::map<std::string, std::string, std::less<>> values_;  //!< stored key → value JSON
  std::shared_ptr<const SiteSettings> settings_;
};

}  // namespace vigil
