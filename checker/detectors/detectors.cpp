// The detector table: one of each, in report order, and the finding kinds' names.
#include "checker/detectors/check_detector.hpp"       // CheckDetector
#include "checker/detectors/deadlock_detector.hpp"    // DeadlockDetector
#include "checker/detectors/detector.hpp"             // make_detectors
#include "checker/detectors/exception_detector.hpp"   // ExceptionDetector
#include "checker/detectors/finding.hpp"              // finding_kind_name
#include "checker/detectors/lock_order_detector.hpp"  // LockOrderDetector
#include "checker/detectors/lost_update_detector.hpp" // LostUpdateDetector
#include "checker/detectors/race_detector.hpp"        // RaceDetector

namespace rc {

std::vector<std::unique_ptr<Detector>> make_detectors(const DetectorContext& ctx) {
    std::vector<std::unique_ptr<Detector>> out;
    out.push_back(std::make_unique<RaceDetector>(ctx));
    out.push_back(std::make_unique<LostUpdateDetector>(ctx));
    out.push_back(std::make_unique<DeadlockDetector>(ctx));
    out.push_back(std::make_unique<LockOrderDetector>(ctx));
    out.push_back(std::make_unique<CheckDetector>(ctx));
    out.push_back(std::make_unique<ExceptionDetector>(ctx));
    return out;
}

std::string_view finding_kind_name(FindingKind k) {
    switch (k) {
#define RC_X(e, s)                                                                                 \
    case FindingKind::e: return s;
        RC_FINDING_KINDS(RC_X)
#undef RC_X
    }
    return "?";
}

} // namespace rc
