#pragma once

#include <boost/json.hpp>

#include <optional>

#include "core/error.hpp"
#include "core/subscriber.hpp"
#include "services/page_service.hpp"
#include "services/subscriber_service.hpp"

namespace vigil {

//! A subscriber as the API shows it: id, type, address, status, confirmed, preferences (pages
//! as page tokens, "~home" for the home page), created_at, updated_at. No token or code.
boost::json::object subscriber_to_json(const Subscriber& subscriber, const PageService& pages);

//! What a POST /api/v4/subscribers body asks for.
struct NewSubscriber {
  SubscriberKind kind = SubscriberKind::kEmail;  //!< type, EMAIL unless given
  std::string address;                           //!< required
  bool active = true;                            //!< status, ACTIVE unless given
  SubscriberPreferences preferences;             //!< everything unless given
};

//! Reads a create body: type, address (required), status, preferences. Unknown fields, wrong
//! types and unknown pages are kBadRequest.
Result<NewSubscriber> new_subscriber(const boost::json::object& body, const PageService& pages);
//! Reads a PATCH body: status and/or preferences (which replace the old ones as a whole).
Result<SubscriberPatch> subscriber_patch(const boost::json::object& body, const PageService& pages);

}  // namespace vigil
