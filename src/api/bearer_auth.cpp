#include "api/bearer_auth.hpp"

namespace vigil {

RouteHandler require_api_key(const ApiKeyService& keys, RouteHandler handler) {
  return [&keys, handler = std::move(handler)](const HttpRequest& request,
                                               const PathParams& params) {
    constexpr std::string_view kScheme = "Bearer ";
    auto header = request.header("authorization");
    if (!header || header->size() <= kScheme.size() ||
        header->substr(0, kScheme.size()) != kScheme) {
      return HttpResponse::error(401, "UNAUTHORIZED", "Missing or invalid authorization header");
    }
    if (!keys.verify(header->substr(kScheme.size()))) {
      return HttpResponse::error(401, "UNAUTHORIZED", "Invalid API key");
    }
    return handler(request, params);
  };
}

}  // namespace vigil
