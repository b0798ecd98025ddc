import Foundation
import Models

/// Writes the drawn world, firm network, demand path and source aggregates of one simulated replication
/// to a directory, for the numpy peer: `world.json` lists each array's name, element type (`f64` or
/// `i32`) and length, and `<name>.bin` holds its values, little-endian, in hetfirm's flat order.
enum WorldExport {
    static func write(_ panel: SpilloverPanel, to directory: String) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var entries = [String]()
        func save<Element>(_ name: String, _ values: [Element], type: String) throws {
            let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
            try data.write(to: folder.appendingPathComponent("\(name).bin"))
            entries.append("\"\(name)\": {\"type\": \"\(type)\", \"count\": \(values.count)}")
        }
        // Flat orders: demand_level at m (T + 1) + t + 1 for t = −1 … T−1; source_* at (c M + m) T + t.
        try save("city_area", panel.cityArea, type: "f64")
        try save("city_province", panel.cityProvince, type: "i32")
        try save("destination_fixed_cost", panel.destinationFixedCost, type: "f64")
        try save("demand_level", panel.demandLevel, type: "f64")
        try save("plant_firm", panel.plantFirm, type: "i32")
        try save("plant_city", panel.plantCity, type: "i32")
        try save("plant_established", panel.plantEstablishmentYear, type: "i32")
        try save("plant_productivity", panel.plantProductivity, type: "f64")
        try save("source_count", panel.sourceCount, type: "i32")
        try save("source_growth_sum", panel.sourceGrowthSum, type: "f64")
        let header = "{\"rows\": \(panel.rows.rowCount),\n" + entries.map { " " + $0 }.joined(separator: ",\n") + "}\n"
        try header.write(to: folder.appendingPathComponent("world.json"), atomically: true, encoding: .utf8)
    }
}
