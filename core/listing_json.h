// Reading and writing the contract's listing format. Parsing validates one record at a time
// and reports every problem with its field path and a Danish reason, so that an importer can
// skip that record and keep the rest. Thread-safe (holds only const references).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing.h"
#include "core/vocabulary.h"

namespace portal::core {

struct FieldError {
  std::string field;   // e.g. "location.postcode", "schedule[1].start"
  std::string reason;  // Danish, for the person who wrote the listing
};

// A listing record that fails validation, with every invalid field. The API answers 400 with
// `field` = the first of them and `fields` = all (docs/api-editing.md). `errors` is not empty.
class InvalidListing : public Error {
 public:
  explicit InvalidListing(std::vector<FieldError> errors);
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

template <typename T>
using Parsed = std::variant<T, std::vector<FieldError>>;

class ListingParser {
 public:
  ListingParser(const Vocabulary& vocabulary, const Geo& geo) : vocab_(vocabulary), geo_(geo) {}

  Parsed<Association> association(const nlohmann::json& record) const;
  // Does not check that the association exists; the caller knows which ones do.
  Parsed<Activity> activity(const nlohmann::json& record) const;

  const Vocabulary& vocabulary() const { return vocab_; }

 private:
  const Vocabulary& vocab_;
  const Geo& geo_;
};

// The canonical listing form: fields in a fixed order, empty optional fields left out. Parsing
// the output again gives an equal record, so stored documents compare equal on re-import.
nlohmann::json to_json(const Association& association);
nlohmann::json to_json(const Activity& activity);
nlohmann::json to_json(const ScheduleEntry& entry);

// True when `id` matches [a-z0-9][a-z0-9-]{0,127}.
bool valid_id(std::string_view id);

}  // namespace portal::core
