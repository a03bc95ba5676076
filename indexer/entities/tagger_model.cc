#include "indexer/entities/tagger_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

namespace newsfacet {
namespace {

constexpr char kMagic[8] = {'N', 'F', 'T', 'A', 'G', 'G', 'E', 'R'};
constexpr uint32_t kVersion = 1;

void PutU32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}
void PutF32(std::string& out, float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, 4);
  PutU32(out, bits);
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  bool U32(uint32_t* value) {
    if (at_ + 4 > bytes_.size()) return false;
    *value = 0;
    for (int i = 0; i < 4; ++i) *value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes_[at_ + i])) << (8 * i);
    at_ += 4;
    return true;
  }
  bool F32(float* value) {
    uint32_t bits;
    if (!U32(&bits)) return false;
    std::memcpy(value, &bits, 4);
    return std::isfinite(*value);
  }
  bool Skip(size_t n) {
    if (at_ + n > bytes_.size()) return false;
    at_ += n;
    return true;
  }
  size_t Remaining() const { return bytes_.size() - at_; }

 private:
  const std::string& bytes_;
  size_t at_ = 0;
};

size_t Slot(FeatureId id, size_t mask) { return (static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull >> 32) & mask; }

}  // namespace

int TagOf(bool begin, const std::string& type) {
  int base = type == "PER" ? 1 : type == "ORG" ? 3 : type == "LOC" ? 5 : type == "MISC" ? 7 : -1;
  if (base < 0) return -1;
  return begin ? base : base + 1;
}

void TaggerModel::Insert(FeatureId id, const int16_t* weights) {
  const size_t mask = keys_.size() - 1;
  size_t slot = Slot(id, mask);
  while (keys_[slot] != 0 && keys_[slot] != id) slot = (slot + 1) & mask;
  if (keys_[slot] == 0) ++count_;
  keys_[slot] = id;
  std::copy(weights, weights + kTagCount, weights_.begin() + slot * kTagCount);
}

TaggerModel TaggerModel::FromWeights(const std::vector<std::pair<FeatureId, TagScores>>& weights,
                                     const Transitions& transitions) {
  TaggerModel model;
  float largest = 0;
  for (const auto& [id, scores] : weights) {
    for (float w : scores) largest = std::max(largest, std::fabs(w));
  }
  model.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  size_t capacity = 16;
  while (capacity < weights.size() * 2) capacity *= 2;
  model.keys_.assign(capacity, 0);
  model.weights_.assign(capacity * kTagCount, 0);
  for (const auto& [id, scores] : weights) {
    int16_t quantised[kTagCount];
    for (int t = 0; t < kTagCount; ++t) quantised[t] = static_cast<int16_t>(std::lround(scores[t] / model.scale_));
    model.Insert(id, quantised);
  }
  model.transitions_ = transitions;
  return model;
}

std::string TaggerModel::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  PutU32(out, kVersion);
  PutU32(out, static_cast<uint32_t>(count_));
  PutF32(out, scale_);
  for (const TagScores& row : transitions_) {
    for (float w : row) PutF32(out, w);
  }
  std::vector<size_t> slots;
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] != 0) slots.push_back(slot);
  }
  std::sort(slots.begin(), slots.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
  for (size_t slot : slots) {
    PutU32(out, keys_[slot]);
    for (int t = 0; t < kTagCount; ++t) {
      uint16_t bits = static_cast<uint16_t>(weights_[slot * kTagCount + t]);
      out.push_back(static_cast<char>(bits & 0xff));
      out.push_back(static_cast<char>(bits >> 8));
    }
  }
  return out;
}

Status TaggerModel::Parse(const std::string& bytes, TaggerModel* model) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Status::Error("not a name tagger model");
  }
  Reader reader(bytes);
  reader.Skip(sizeof kMagic);
  uint32_t version = 0, count = 0;
  if (!reader.U32(&version) || version != kVersion) return Status::Error("name tagger model of another version");
  if (!reader.U32(&count) || !reader.F32(&model->scale_)) return Status::Error("name tagger model cut short");
  if (count > (bytes.size() / (4 + 2 * kTagCount))) return Status::Error("name tagger model cut short");
  for (TagScores& row : model->transitions_) {
    for (float& w : row) {
      if (!reader.F32(&w)) return Status::Error("name tagger model cut short");
    }
  }
  size_t capacity = 16;
  while (capacity < size_t{count} * 2) capacity *= 2;
  model->keys_.assign(capacity, 0);
  model->weights_.assign(capacity * kTagCount, 0);
  constexpr size_t kEntryBytes = 4 + 2 * kTagCount;
  if (reader.Remaining() != size_t{count} * kEntryBytes) {
    return Status::Error(reader.Remaining() < size_t{count} * kEntryBytes ? "name tagger model cut short"
                                                                           : "name tagger model has trailing bytes");
  }
  const unsigned char* entry = reinterpret_cast<const unsigned char*>(bytes.data()) + (bytes.size() - reader.Remaining());
  for (uint32_t n = 0; n < count; ++n, entry += kEntryBytes) {
    const uint32_t id = uint32_t{entry[0]} | uint32_t{entry[1]} << 8 | uint32_t{entry[2]} << 16 | uint32_t{entry[3]} << 24;
    if (id == 0) return Status::Error("name tagger model damaged");
    int16_t weights[kTagCount];
    for (int t = 0; t < kTagCount; ++t) {
      weights[t] = static_cast<int16_t>(static_cast<uint16_t>(entry[4 + 2 * t] | entry[5 + 2 * t] << 8));
    }
    model->Insert(id, weights);
  }
  return Status::Ok();
}

Status TaggerModel::Load(const std::filesystem::path& file, TaggerModel* model) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return Status::Error("cannot read " + file.string());
  std::string bytes(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return Status::Error("cannot read " + file.string());
  Status status = Parse(bytes, model);
  if (!status.ok()) return Status::Error(file.string() + ": " + status.message());
  return Status::Ok();
}

namespace {

// Eight tags' weights at once: widened to 32 bits and added as one vector
// (two SSE instructions, where one at a time takes eight loads and adds),
// the ninth alone. Integer sums are exact, so the order does not matter.
using EightWeights = int16_t __attribute__((vector_size(16)));
using EightSums = int32_t __attribute__((vector_size(32)));
static_assert(kTagCount == 9, "AddWeights adds eight tags at once, then the ninth");

void AddWeights(const int16_t* weights, EightSums& sums, int32_t& last) {
  EightWeights eight;
  std::memcpy(&eight, weights, sizeof eight);
  sums += __builtin_convertvector(eight, EightSums);
  last += weights[8];
}

}  // namespace

void TaggerModel::AddEmissions(const std::vector<FeatureId>& features, TagScores* scores) const {
  if (keys_.empty()) return;
  const size_t mask = keys_.size() - 1;
  EightSums sums = {};
  int32_t last = 0;
  for (FeatureId id : features) {
    size_t slot = Slot(id, mask);
    while (keys_[slot] != 0 && keys_[slot] != id) slot = (slot + 1) & mask;
    if (keys_[slot] == 0) continue;
    AddWeights(&weights_[slot * kTagCount], sums, last);
  }
  for (int t = 0; t < 8; ++t) (*scores)[t] += static_cast<float>(sums[t]) * scale_;
  (*scores)[8] += static_cast<float>(last) * scale_;
}

std::vector<int> BestTags(const std::vector<TagScores>& emissions, const Transitions& transitions, int previous,
                          bool outside_after) {
  const size_t n = emissions.size();
  std::vector<int> tags(n, kOutside);
  if (n == 0) return tags;
  constexpr float kImpossible = -std::numeric_limits<float>::infinity();
  auto allowed = [](int previous, int tag) {  // previous == kTagCount: sentence start
    if (tag == kOutside || IsBegin(tag)) return true;
    return previous != kTagCount && previous != kOutside && TypeOf(previous) == TypeOf(tag);
  };
  // Only the last column of scores is kept; the back-pointers all.
  TagScores best;
  std::vector<std::array<int8_t, kTagCount>> from(n);
  for (int t = 0; t < kTagCount; ++t) {
    best[t] = allowed(previous, t) ? transitions[previous][t] + emissions[0][t] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    TagScores next;
    for (int t = 0; t < kTagCount; ++t) {
      // An O or a B- may follow any tag; an I- only the B- or I- of its
      // type, the two tags just before it. An impossible predecessor scores
      // kImpossible, which never wins.
      const int first = t == kOutside || IsBegin(t) ? 0 : t - 1;
      const int last = t == kOutside || IsBegin(t) ? kTagCount - 1 : t;
      float top = kImpossible;
      int arg = kOutside;
      for (int p = first; p <= last; ++p) {
        const float score = best[p] + transitions[p][t];
        if (score > top) {
          top = score;
          arg = p;
        }
      }
      next[t] = top == kImpossible ? kImpossible : top + emissions[i][t];
      from[i][t] = static_cast<int8_t>(arg);
    }
    best = next;
  }
  if (outside_after) {
    for (int t = 0; t < kTagCount; ++t) {
      if (best[t] != kImpossible) best[t] += transitions[t][kOutside];
    }
  }
  int tag = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t i = n; i-- > 0;) {
    tags[i] = tag;
    tag = from[i][tag];
  }
  return tags;
}

}  // namespace newsfacet
