# tests for the GAMEDIG probe (included from this folder's CMakeLists.txt)
vigil_add_test(unit_probe_gamedig
  fixture_server.cpp
  game_tcp_responder.cpp
  game_udp_responder.cpp
  gamedig_a2s_test.cpp
  gamedig_byte_reader_test.cpp
  gamedig_fivem_test.cpp
  gamedig_minecraft_test.cpp
  gamedig_quake3_test.cpp
  gamedig_settings_test.cpp
  loopback_socket.cpp
  probe_harness.cpp
)
target_link_libraries(unit_probe_gamedig PRIVATE vigil_probes vigil_net)
target_compile_definitions(unit_probe_gamedig PRIVATE
  VIGIL_FIXTURE_SERVER="${PROJECT_SOURCE_DIR}/tests/support/http_fixture_server.py")
