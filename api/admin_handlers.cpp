// Server handlers for accounts, invitations, an association's own page and the coordinator's
// lists (docs/api-editing.md). They run on the WorkPool (see Server::offload) and stay thin:
// authenticate, check the role, decode, call one store function, shape the answer.
#include <charconv>
#include <string_view>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/http_util.h"
#include "api/roles.h"
#include "api/server.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "indexer/importer.h"

namespace portal::api {

using nlohmann::json;
using Pistache::Http::Code;

namespace {

[[noreturn]] void forbid(const std::string& message, const std::string& field = {}) {
  throw core::Error(core::ErrorCode::forbidden, message, field);
}

std::string checked_association_id(const std::string& id) {
  if (!core::valid_id(id)) throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
  return id;
}

json optional_instant(const std::optional<std::chrono::system_clock::time_point>& t) {
  return t ? json(iso_utc(*t)) : json(nullptr);
}

// The association in the listing format, plus review_required for its editors.
json association_json(const store::AssociationProfile& profile, bool editor) {
  json body = core::to_json(profile.association);
  if (editor) body["review_required"] = profile.review_required;
  return body;
}

// 400 naming every invalid field: the contract's error plus "fields".
ErrorResponse invalid_fields(const std::vector<core::FieldError>& errors) {
  const auto& first = errors.front();
  const ErrorResponse error = error_response(core::ErrorCode::invalid_body, first.reason, first.field);
  json body = json::parse(error.body);
  body["error"]["fields"] = json::array();
  for (const auto& e : errors) body["error"]["fields"].push_back({{"field", e.field}, {"message", e.reason}});
  return {error.status, dump(body)};
}

// A whole number of days from the query, 0-36500; nullopt when absent.
std::optional<int> days_param(const search::SearchParams& query, const std::string& name) {
  const auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  int value = -1;
  const auto* end = it->second.data() + it->second.size();
  const auto [ptr, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0 || value > 36500) {
    throw core::Error(core::ErrorCode::invalid_parameter, name + " skal være et helt antal dage (0-36500).", name);
  }
  return value;
}

const char* const kAcceptLimitPrefix = "invitation ";  // a space never occurs in a username

}  // namespace

json Server::freshness_json(core::Date last_confirmed) const {
  const core::Date today = core::copenhagen_time(std::chrono::system_clock::now()).date;
  return search::freshness_json(core::freshness(last_confirmed, today, config_.freshness));
}

store::OverviewQuery Server::overview_query(const Call& call) const {
  return {std::chrono::system_clock::now(), config_.freshness, days_param(call.query, "inactive_days")};
}

Server::Reply Server::me(const Call& call) {
  const store::Account account = authenticate(call);
  const auto session = services_.accounts->session(call.bearer);
  if (!session) throw core::Error(core::ErrorCode::unauthorized, "Dit login er udløbet. Log ind igen.");
  json association = nullptr;
  if (!account.association_id.empty()) {
    require_services(services_.associations != nullptr);
    const auto profile = services_.associations->profile(account.association_id);
    association = {{"id", account.association_id}, {"name", profile ? profile->association.name : ""}};
  }
  return {Code::Ok,
          dump({{"id", account.id},
                {"username", account.username},
                {"role", store::to_string(account.role)},
                {"expires_at", iso_utc(session->expires_at)},
                {"association", association},
                {"team", account.team},
                {"municipality", account.municipality.empty() ? json(nullptr) : json(account.municipality)}}),
          {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::association(const Call& call) {
  require_services(services_.associations != nullptr);
  const std::string id = checked_association_id(call.id);
  const auto profile = services_.associations->profile(id);
  if (!profile) throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
  // Public; a valid token of its editor or a coordinator adds review_required.
  std::optional<store::Account> account;
  if (!call.bearer.empty() && services_.accounts) account = services_.accounts->session_account(call.bearer);
  return {Code::Ok, dump(association_json(*profile, account && may_edit(*account, id))), {}};
}

Server::Reply Server::replace_association(const Call& call) {
  const store::Account account = authenticate(call);
  require_services(services_.associations != nullptr);
  const std::string id = checked_association_id(call.id);
  require_editor_of(account, id);
  json body = parse_body(call);
  if (!body.contains("id")) body["id"] = id;
  if (body["id"] != id) {
    throw core::Error(core::ErrorCode::invalid_body, "Feltet 'id' skal være det samme som i adressen.", "id");
  }
  std::optional<bool> review_required;
  if (body.contains("review_required")) {
    if (!body["review_required"].is_boolean()) {
      throw core::Error(core::ErrorCode::invalid_body, "Feltet 'review_required' skal være true eller false.",
                        "review_required");
    }
    review_required = body["review_required"].get<bool>();
  }
  if (account.role != store::Role::coordinator && review_required) {
    const auto stored = services_.associations->profile(id);
    if (stored && stored->review_required != *review_required) {
      forbid("Kun en koordinator kan ændre, om foreningens aktiviteter skal godkendes.", "review_required");
    }
    review_required.reset();
  }
  auto parsed = parser_.association(body);
  if (const auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    ErrorResponse error = invalid_fields(*errors);
    return {error.status, std::move(error.body), {}};
  }
  const auto& association = std::get<core::Association>(parsed);
  services_.associations->put_profile(association, review_required);
  spdlog::info("association {} changed by {}", id, account.username);
  const auto stored = services_.associations->profile(id);
  if (!stored) throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
  return {Code::Ok, dump(association_json(*stored, true)), {}};
}

Server::Reply Server::association_activities(const Call& call) {
  const store::Account account = authenticate(call);
  require_services(services_.associations != nullptr);
  const std::string id = checked_association_id(call.id);
  require_editor_of(account, id);
  const auto profile = services_.associations->profile(id);
  if (!profile) throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
  json activities = json::array();
  for (const auto& record : services_.associations->activities(id)) {
    json a = core::to_json(record.activity);
    a["freshness"] = freshness_json(record.last_confirmed);
    a["review"] = {{"status", record.review_status}};
    if (!record.review_note.empty()) a["review"]["note"] = record.review_note;
    a["source"] = record.source.empty() ? json(nullptr) : json(record.source);
    activities.push_back(std::move(a));
  }
  return {Code::Ok, dump({{"association", association_json(*profile, true)}, {"activities", activities}}),
          {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::coordinator_associations(const Call& call) {
  require_coordinator(authenticate(call));
  require_services(services_.associations != nullptr);
  json list = json::array();
  for (const auto& s : services_.associations->overview(overview_query(call))) {
    json accounts = json::array();
    for (const auto& a : s.accounts) {
      accounts.push_back({{"id", a.id},
                          {"username", a.username},
                          {"disabled", a.disabled},
                          {"last_login", optional_instant(a.last_login)}});
    }
    list.push_back({{"id", s.association.id},
                    {"name", s.association.name},
                    {"municipality", s.association.municipality},
                    {"email", s.association.email},
                    {"phone", s.association.phone},
                    {"activities", s.activities},
                    {"stale", s.stale},
                    {"hidden", s.hidden},
                    {"pending", s.pending},
                    {"review_required", s.review_required},
                    {"last_login", optional_instant(s.last_login)},
                    {"accounts", accounts}});
  }
  return {Code::Ok, dump({{"associations", list}}), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::reminders_csv(const Call& call) {
  require_coordinator(authenticate(call));
  require_services(services_.associations != nullptr);
  const store::OverviewQuery query = overview_query(call);
  std::string csv = "\xEF\xBB\xBF" + csv_row({"Forening", "E-mail", "Telefon", "Forældede aktiviteter",
                                             "Skjulte aktiviteter", "Sidst logget ind"});
  for (const auto& s : services_.associations->reminders(query)) {
    csv += csv_row({s.association.name, s.association.email, s.association.phone, std::to_string(s.stale),
                    std::to_string(s.hidden),
                    s.last_login ? core::format_date(core::copenhagen_time(*s.last_login).date) : "Aldrig"});
  }
  const std::string today = core::format_date(core::copenhagen_time(query.now).date);
  return {Code::Ok,
          csv,
          {{"Content-Type", "text/csv; charset=utf-8"},
           {"Content-Disposition", "attachment; filename=\"paamindelser-" + today + ".csv\""},
           {"Cache-Control", "no-store"}}};
}

Server::Reply Server::list_accounts(const Call& call) {
  require_coordinator(authenticate(call));
  json list = json::array();
  for (const auto& a : services_.accounts->accounts()) {
    list.push_back({{"id", a.account.id},
                    {"username", a.account.username},
                    {"role", store::to_string(a.account.role)},
                    {"association", a.account.association_id.empty() ? json(nullptr) : json(a.account.association_id)},
                    {"team", a.account.team},
                    {"municipality", a.account.municipality.empty() ? json(nullptr) : json(a.account.municipality)},
                    {"disabled", a.disabled},
                    {"created_at", iso_utc(a.created_at)},
                    {"last_login", optional_instant(a.last_login)}});
  }
  return {Code::Ok, dump({{"accounts", list}}), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::set_disabled(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  int64_t id = 0;
  const auto* end = call.id.data() + call.id.size();
  const auto [ptr, ec] = std::from_chars(call.id.data(), end, id);
  if (ec != std::errc() || ptr != end || id <= 0) {
    throw core::Error(core::ErrorCode::not_found, "Kontoen findes ikke.", "id");
  }
  const json body = parse_body(call);
  if (!body.contains("disabled") || !body["disabled"].is_boolean()) {
    throw core::Error(core::ErrorCode::invalid_body, "Feltet 'disabled' skal være true eller false.", "disabled");
  }
  const bool disabled = body["disabled"].get<bool>();
  if (disabled && id == account.id) {
    throw core::Error(core::ErrorCode::invalid_body, "Du kan ikke deaktivere din egen konto.", "id");
  }
  if (!services_.accounts->set_disabled(id, disabled)) {
    throw core::Error(core::ErrorCode::not_found, "Kontoen findes ikke.", "id");
  }
  spdlog::info("account {} {} by {}", id, disabled ? "disabled" : "enabled", account.username);
  return {Code::Ok, dump({{"id", id}, {"disabled", disabled}}), {}};
}

Server::Reply Server::create_invitation(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  const json body = parse_body(call);
  const std::string& association_id = string_field(body, "association");
  if (!core::valid_id(association_id)) {
    throw core::Error(core::ErrorCode::invalid_body, "Foreningen '" + association_id + "' findes ikke.",
                      "association");
  }
  const store::Invitation invitation = services_.accounts->create_invitation(association_id, account.id);
  spdlog::info("invitation for {} created by {}", association_id, account.username);
  return {Code::Created,
          dump({{"url", "/invitation#" + invitation.token},
                {"token", invitation.token},
                {"association", association_id},
                {"expires_at", iso_utc(invitation.expires_at)}}),
          {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::invitation(const Call& call) {
  require_services(services_.accounts != nullptr);
  const auto found = services_.accounts->invitation(call.id);
  if (!found) {
    throw core::Error(core::ErrorCode::not_found,
                      "Invitationen findes ikke, er allerede brugt eller er udløbet. Bed koordinatoren om en ny.");
  }
  return {Code::Ok,
          dump({{"association", {{"id", found->association_id}, {"name", found->association_name}}},
                {"expires_at", iso_utc(found->expires_at)}}),
          {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::accept_invitation(const Call& call) {
  require_services(services_.accounts != nullptr);
  // Accepting sets a password: failed accepts count like failed logins from the address.
  const std::string limit_key = kAcceptLimitPrefix + call.address;
  if (limiter_.blocked(limit_key, call.address)) {
    throw core::Error(core::ErrorCode::too_many_requests, "For mange mislykkede forsøg. Vent et kvarter, og prøv igen.");
  }
  const json body = parse_body(call);
  const std::string& username = string_field(body, "username");
  const std::string& password = string_field(body, "password");
  try {
    const store::Session session = services_.accounts->accept_invitation(call.id, username, password);
    spdlog::info("invitation accepted: account {} for {}", session.account.username, session.account.association_id);
    return {Code::Created,
            dump({{"token", session.token},
                  {"role", store::to_string(session.account.role)},
                  {"expires_at", iso_utc(session.expires_at)},
                  {"username", session.account.username},
                  {"association", session.account.association_id}}),
            {{"Cache-Control", "no-store"}}};
  } catch (const core::Error& e) {
    if (e.code() == core::ErrorCode::not_found || e.code() == core::ErrorCode::conflict) {
      limiter_.failed(limit_key, call.address);
    }
    throw;
  }
}

}  // namespace portal::api

// --- import upload (coordinator page) ---------------------------------------------------------

namespace portal::api {

namespace {

// The uploaded file's name: a plain name (no folders), as the importer reports it.
std::string upload_name(const search::SearchParams& query) {
  const auto it = query.find("filename");
  std::string name = it == query.end() ? std::string() : it->second;
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name.size() > 200 || !core::valid_utf8(name)) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Angiv filens navn (højst 200 tegn).", "filename");
  }
  return name;
}

std::string optional_param(const search::SearchParams& query, const char* name, size_t max_length) {
  const auto it = query.find(name);
  if (it == query.end()) return {};
  if (it->second.size() > max_length || !core::valid_utf8(it->second)) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      std::string("Værdien er for lang (højst ") + std::to_string(max_length) + " tegn).", name);
  }
  return it->second;
}

json issue_json(const indexer::RecordIssue& issue) {
  return {{"record", issue.record}, {"id", issue.id}, {"field", issue.field}, {"reason", issue.reason},
          {"note", issue.note}};
}

}  // namespace

Server::Reply Server::import_upload(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  require_services(services_.listings != nullptr);
  if (call.body.size() > config_.max_import_body_bytes) {
    throw core::Error(core::ErrorCode::payload_too_large,
                      "Filen er for stor (højst " + std::to_string(config_.max_import_body_bytes / (1024 * 1024)) + " MB).");
  }
  if (call.body.empty()) throw core::Error(core::ErrorCode::invalid_body, "Filen er tom.");
  const std::string name = upload_name(call.query);
  indexer::ImportOptions options;
  options.source = optional_param(call.query, "source", 200);
  options.association = optional_param(call.query, "association", 128);
  if (!options.association.empty() && !core::valid_id(options.association)) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Foreningens id er ugyldigt.", "association");
  }
  indexer::Importer importer(*services_.listings, parser_);
  indexer::ImportSummary summary;
  try {
    summary = importer.import_content(name, call.body, options);
  } catch (const indexer::FileError& e) {
    throw core::Error(core::ErrorCode::invalid_body, e.what());
  }
  spdlog::info("import of {} by {}: {} read, {} created, {} updated, {} invalid, {} withdrawn", name,
               account.username, summary.read, summary.created, summary.updated, summary.invalid, summary.withdrawn);
  json issues = json::array();
  for (const auto& issue : summary.issues) issues.push_back(issue_json(issue));
  return {Code::Ok,
          dump({{"read", summary.read},
                {"created", summary.created},
                {"updated", summary.updated},
                {"unchanged", summary.unchanged},
                {"invalid", summary.invalid},
                {"withdrawn", summary.withdrawn},
                {"withdrawn_ids", summary.withdrawn_ids},
                {"issues", std::move(issues)},
                {"report", indexer::format_summary(name, summary)}}),
          {}};
}

}  // namespace portal::api
