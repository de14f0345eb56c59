import Testing

/// Every suite that drives Chromium, run one after another: on two cores,
/// five browsers and their servers at once ran the national upload past its
/// eight-minute limit.
@Suite(.serialized) enum ChromiumSuites {}
