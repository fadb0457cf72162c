#pragma once

namespace vigil::testing {

//! A socket of `type` (SOCK_STREAM or SOCK_DGRAM) bound to 127.0.0.1 on a free port; returns
//! the descriptor and stores the port. Throws when the system refuses.
int bind_loopback(int type, int& port);

//! A port on 127.0.0.1 with nothing bound for `type` (bound, then released).
int closed_loopback_port(int type);

}  // namespace vigil::testing
