#include "services/subscriber_mail.hpp"

#include <boost/json.hpp>

namespace vigil {

OutboxMessage email_message(const std::string& to, const SubscriberMail& mail, std::string kind,
                            std::string idempotency_key) {
  namespace json = boost::json;
  OutboxMessage message;
  message.idempotency_key = std::move(idempotency_key);
  message.kind = std::move(kind);
  message.channel = "email";
  message.channel_config = json::serialize(json::object{
      {"to", to}, {"subject", "{{{subject}}}"}, {"body", "{{{body}}}"}, {"html", "{{{html}}}"}});
  json::object variables{{"subject", mail.subject}, {"body", mail.text}, {"html", mail.html}};
  if (!mail.unsubscribe_url.empty()) variables["unsubscribe_url"] = mail.unsubscribe_url;
  message.variables = json::serialize(variables);
  return message;
}

}  // namespace vigil
