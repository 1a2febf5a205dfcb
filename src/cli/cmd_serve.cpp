// `timpush serve`: serves the built page, the sandbox of the push API and the relay on loopback.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "cli/command.h"
#include "cli/usersig_options.h"
#include "server/page_server.h"
#include "server/request_policy.h"
#include "server/secret.h"

namespace timpush::cli {
namespace {

const char kUsage[] =
    "usage: timpush serve [--host 127.0.0.1] [--port 8080] [--root DIR] [sandbox options]\n"
    "\n"
    "Serves the composer page (built by scripts/build-web.sh into build/web/site), a sandbox of\n"
    "the push API at /sandbox/v4/timpush/push, and a relay to the real service at\n"
    "/relay/<host>/v4/... . Binds to loopback unless --host says otherwise. --port 0 picks a\n"
    "free port. The URL is printed on the first line of standard output.\n"
    "\n"
    "options:\n"
    "  --host ADDR               address to bind (default 127.0.0.1)\n"
    "  --port N                  port (default 8080; 0 = any free port)\n"
    "  --root DIR                the built page (default build/web/site)\n"
    "  --threads N               requests served at once (default 16)\n"
    "  --allow-host NAME[:PORT]  also answer requests whose Host is NAME (any port, or none)\n"
    "                            or exactly NAME:PORT; repeatable. For a reverse proxy.\n"
    "  --quiet                   no request log on standard error\n"
    "  --sandbox-sdkappid N      the sandbox app's SDKAppID (default 1400000000)\n"
    "  --sandbox-admin ID        its admin account (default administrator)\n"
    "  --sandbox-users A,B,...   its known ordinary accounts (default user1,user2,user3)\n"
    "  --sandbox-daily-quota N   pushes per UTC day (default 100)\n"
    "  --sandbox-population N    users in the sandbox app's world (default 2000, at most 100000)\n"
    "  --sandbox-seed S          the seed the world is made from (default 1; decimal)\n"
    "\n"
    "The sandbox key is read from the environment variable TIMPUSH_SECRET_KEY. Without it a\n"
    "random demo key is made, printed, and offered to the page by GET /sandbox/app; a key from\n"
    "the environment is never printed nor offered.\n"
    "\n"
    "The sandbox answers like the service (HTTP 200, ActionStatus/ErrorCode/ErrorInfo/TaskId):\n"
    "  URL     60009 unknown /v4 path; 60008 not POST; 60002 random missing or not a uint32,\n"
    "          contenttype not json, sdkappid not a number, a parameter twice; 60012 sdkappid\n"
    "          missing; 60006 not the sandbox app; 70002 usersig missing; 60004 identifier\n"
    "          missing.\n"
    "  UserSig core verify with the app key: 70003 70014 70013 70001 70009.\n"
    "  account the admin may push; a known ordinary account (--sandbox-users) gets 90009;\n"
    "          any other identifier 60010.\n"
    "  body    90056 over 10240 bytes, then the core validator's first error: its server code,\n"
    "          or for local-only rules 90001 (wrong JSON type), 90033 (attribute value over\n"
    "          50 bytes), 70402 (DataId over 64 bytes, a value outside its set, others).\n"
    "          Warnings never block.\n"
    "  limits  90024 pushes less than 1 s apart; 90047 daily quota used (day ends 00:00 UTC).\n"
    "          The same MsgRandom within 24 h is the same task: same TaskId, not counted.\n"
    "  batch   /sandbox/v4/timpush/batch, To_Account 1..500 (90018); at most 10 calls a second (60018);\n"
    "          TaskId batch_...; its accounts' devices play delivery out like a push.\n"
    "  revoke  /sandbox/v4/timpush/revoke: 90053 90049 90050 90052 90051. Devices not yet\n"
    "          reached are stopped (loss ErrCode -5).\n"
    "  follow  all_member_push_statistics, all_member_push_loss, all_member_push_trace: 1 call\n"
    "          a second each (60018); 90104 for a window over 30 days (statistics) or 7 days\n"
    "          (loss), more than 5 TaskIDs, or missing fields. Numbers come from the world\n"
    "          (users with tags, attributes and devices) and settle 60 s after the push.\n"
    "  sched   add/get/list/modify/delete_sched_task, 5 calls a second each (60018): TaskID an\n"
    "          integer; status pending, dispatching (due, waiting out the 1 s spacing),\n"
    "          dispatched (PushTaskID) or failed (DispatchErr). A due task is pushed at its\n"
    "          SchedAt through push's checks and quota, dispatched when the next request comes\n"
    "          (no timer), with the time it was due. 90104 bad parameters; 90107 modify or\n"
    "          delete of a task that is not pending.\n"
    "  app     get/set_attr_name, get/set/remove_attr, get/add/remove_tag, clear_all_tags,\n"
    "          100 calls a second each: on the world's users (unknown: ErrorList 70107). The\n"
    "          app starts with the world's attribute names; a push naming another is 90033.\n"
    "          Tags and attributes set change the audience of later pushes.\n"
    "The full list of the sandbox's choices is at the top of src/server/sandbox.h.\n"
    "POST /sandbox/reach with a push body answers {\"Users\":N,\"Of\":M}: how many users of the\n"
    "world the Condition reaches. GET /sandbox/app also gives population, tags and attributes.\n"
    "POST /sandbox/clock {\"AdvanceSeconds\":N} (loopback clients only, else 403) moves the\n"
    "sandbox's clock N s forward (1 s to 31 days a call, never back) and dispatches what is due,\n"
    "so a task scheduled minutes ahead goes out at once; it answers {\"Now\",\"AheadSeconds\"}.\n"
    "GET /sandbox/tasks?offset=N&limit=M lists the accepted pushes, oldest first: 50 a page by\n"
    "default, at most 200, each answer under 1 MiB, with total and next_offset. The sandbox keeps\n"
    "the last 1000 tasks and remembers at most 100000 MsgRandoms.\n"
    "\n"
    "The relay forwards POST /relay/<host>/v4/timpush/<api>?<query> to https://<host>/v4/timpush/<api>\n"
    "for the service's region hosts only (main and backup; Riyadh, adminapiksa.im.qcloud.com, has\n"
    "no backup host) and no other API (403 otherwise); an answer over 1 MiB or\n"
    "not finished within 15 s is a 502. Without network it answers 502 with\n"
    "{\"RelayError\",\"RelayErrorZh\",\"Host\"}. Queries and bodies are never logged.\n"
    "\n"
    "Against hostile clients and pages, before any body is read (each refusal closes the\n"
    "connection, with JSON {\"Error\",\"ErrorZh\"}):\n"
    "  421  Host is not 127.0.0.1, localhost, [::1] or --host, with this port, nor an\n"
    "       --allow-host entry (DNS rebinding).\n"
    "  403  /sandbox or /relay with an Origin that is not this server's own, or\n"
    "       Sec-Fetch-Site: cross-site (answered in the service's or the relay's shape).\n"
    "  415  Content-Encoding on a request; 501 a Transfer-Encoding other than chunked.\n"
    "  413  a body over 1 MiB: by Content-Length at once, chunked as it comes.\n"
    "  411  a POST with neither Content-Length nor chunked framing (its body is never read).\n"
    "  431  more than 64 header lines, a line over 8 KiB, or 32 KiB of headers in all.\n"
    "  408  headers not complete 5 s after the first byte; the body has 5 s more.\n"
    "A kept-alive connection idles 3 s at most. Waiting connections hold no worker; at most 64\n"
    "per client address (the longest waiting makes room) and 1024 in all. Range is ignored\n"
    "(200 with the whole file). The log shows printable ASCII only, other bytes as \\xNN.\n";

std::optional<long long> parse_number(const std::string& text, long long lo, long long hi) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

int run_serve(const Args& args) {
  using namespace timpush::server;
  const std::string name = "serve";
  ServeOptions options;
  options.host = args.value("--host").value_or("127.0.0.1");
  if (auto port = args.value("--port")) {
    auto n = parse_number(*port, 0, 65535);
    if (!n) return print_error(name, "--port must be 0..65535"), 2;
    options.port = static_cast<int>(*n);
  }
  options.root = args.value("--root").value_or("build/web/site");
  for (const auto& host : args.values("--allow-host")) {
    auto problem = check_allow_host(host);
    if (!problem.empty()) return print_error(name, problem), 2;
    options.allow_hosts.push_back(host);
  }
  if (auto threads = args.value("--threads")) {
    auto n = parse_number(*threads, 1, 256);
    if (!n) return print_error(name, "--threads must be 1..256"), 2;
    options.threads = static_cast<size_t>(*n);
  }
  if (auto id = args.value("--sandbox-sdkappid")) {
    auto n = parse_number(*id, 1, 0xffffffffLL);
    if (!n) return print_error(name, "--sandbox-sdkappid must be a uint32 SDKAppID"), 2;
    options.sandbox.sdkappid = static_cast<uint32_t>(*n);
  }
  if (auto admin = args.value("--sandbox-admin")) {
    if (admin->empty()) return print_error(name, "--sandbox-admin must not be empty"), 2;
    options.sandbox.admin = *admin;
  }
  if (auto users = args.value("--sandbox-users")) options.sandbox.users = split_commas(*users);
  if (auto quota = args.value("--sandbox-daily-quota")) {
    auto n = parse_number(*quota, 0, 1000000000);
    if (!n) return print_error(name, "--sandbox-daily-quota must be a number"), 2;
    options.sandbox.daily_quota = static_cast<int>(*n);
  }
  if (auto population = args.value("--sandbox-population")) {
    auto n = parse_number(*population, 0, kMaxPopulation);
    if (!n) return print_error(name, "--sandbox-population must be 0..100000"), 2;
    options.sandbox.world.population = static_cast<uint32_t>(*n);
  }
  if (auto seed = args.value("--sandbox-seed")) {
    auto n = usersig_options::parse_whole(*seed, 0, INT64_MAX);
    if (!n) return print_error(name, "--sandbox-seed must be a decimal number"), 2;
    options.sandbox.world.seed = static_cast<uint64_t>(*n);
  }
  const char* env_key = std::getenv("TIMPUSH_SECRET_KEY");
  if (env_key && *env_key) {
    options.sandbox.key = env_key;
    options.sandbox.key_is_demo = false;
  } else {
    auto key = generate_demo_key();
    if (!key) return print_error(name, "no random source to make a demo key"), 2;
    options.sandbox.key = *key;
    options.sandbox.key_is_demo = true;
  }
  if (!args.has("--quiet")) {
    static std::mutex log_mutex;
    options.log = [](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      std::cerr << line << "\n";
    };
  }

  // SIGINT/SIGTERM are taken by one thread that stops the server; block them everywhere else
  // before any thread starts, so workers never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::mt19937 engine{std::random_device{}()};
  std::mutex engine_mutex;
  PageServer server(
      options,
      [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      },
      [&engine, &engine_mutex] {
        std::lock_guard<std::mutex> lock(engine_mutex);
        return static_cast<uint32_t>(engine());
      });
  if (auto error = server.bind()) return print_error(name, *error), 2;

  std::cout << "timpush: serving " << options.root.string() << " at " << server.url()
            << std::endl;
  std::cout << "timpush: sandbox app " << options.sandbox.sdkappid << ", admin "
            << options.sandbox.admin << ", push URL " << server.url()
            << "sandbox/v4/timpush/push" << std::endl;
  std::cout << "timpush: sandbox world of " << server.sandbox().world().users().size()
            << " users, seed " << options.sandbox.world.seed << std::endl;
  if (options.sandbox.key_is_demo) {
    std::cout << "timpush: sandbox demo key " << options.sandbox.key
              << " (set TIMPUSH_SECRET_KEY to choose the key)" << std::endl;
  } else {
    std::cout << "timpush: sandbox key from TIMPUSH_SECRET_KEY" << std::endl;
  }
  if (options.host != "127.0.0.1" && options.host != "::1" && options.host != "localhost") {
    std::cerr << "timpush serve: warning: listening on " << options.host
              << ", not only loopback: the sandbox and the relay are reachable from the network\n";
  }

  std::thread signal_thread([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  server.run();
  // The server stopped by itself (socket error) or by a signal: release the signal thread.
  pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  return 0;
}

const bool registered = register_command(Command{
    "serve",
    "serve the page, a sandbox of the push API, and a relay (loopback)",
    kUsage,
    {"--host", "--port", "--root", "--threads", "--allow-host", "--sandbox-sdkappid", "--sandbox-admin",
     "--sandbox-users", "--sandbox-daily-quota", "--sandbox-population", "--sandbox-seed"},
    {"--quiet"},
    run_serve,
});

}  // namespace
}  // namespace timpush::cli
