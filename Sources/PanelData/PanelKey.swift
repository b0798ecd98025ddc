/// A (unit, time) pair used to match rows in `Dataset.lag`.
struct PanelKey: Hashable {
    let unit: Int32
    let time: Int
}
