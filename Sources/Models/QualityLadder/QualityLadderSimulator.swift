import Foundation
import Numerical
import PanelData

/// Simulates the paper-004 panel (year × firm × destination × product × trade mode) from the
/// consistent quality-ladder model; every process is listed in `docs/models/quality-ladder.md`.
///
/// In year t, firm i (cost c_i, see `QualityLadderFirm`):
/// 1. files P_it ~ Poisson(m_it) digital patents, with
///    ln m_it = m0 + a_i + π_phone IV_phone_{c(i)t} + π_post IV_post_{c(i)t} + π_patent IV_patent_{j(i)t}
///              + ρ_P ln(1 + P_{i,t−1}) + λ_ξ ξ_it   (the first stage; ξ_it ~ N(0, s_ξ²), P_{i,−1} = 0);
///    Eco_it = ln(1 + P_it);
/// 2. has digital input I_it = I + (I_max − I)(1 − e^{−κ Eco_it}), so ψ_it = ψ0/(θ^{2ρ} δ_λ² I_it) and
///    ϕ_it = E(β−μ)/(4γψ_it − E(β−μ)²) (firm-level statics: the firm is measure zero, c_D is the
///    equilibrium's, at the common base I);
/// 3. makes products n = 1, 2, … of its ladder while c_i/ω^{n−1} < c_D, with quality
///    λ_itn = ϕ_it (c_D − c_i/ω^{n−1}), price p = ½[c_D + c + (β+μ)λ] (c = c_i/ω^{n−1});
/// 4. the frontier λ_F,jt is the maximum λ over the industry's firms and products in year t (before
///    filters), and Δλ = λ_F − λ;
/// 5. the model-implied effect of Eco (firm level, λ_F fixed):
///    d Δλ/d Eco = −(∂ϕ/∂I)(c_D − c) · dI/dEco, ∂ϕ/∂I = 4γE(β−μ)ψ_it/(S_it² I_it), S = 4γψ − E(β−μ)²,
///    dI/dEco = κ(I_max − I) e^{−κ Eco}; d ln Δλ/d Eco divides it by Δλ (NaN at the frontier, Δλ = 0), and
///    the elasticity of the records' total distance when every firm's own I rises by 1%,
///    d ln ΣΔλ/d ln I = Σ −(∂ϕ/∂I)(c_D − c) I / ΣΔλ (the consistent counterpart of eq. (4)'s −1/2; the
///    record-level elasticity −(∂ϕ/∂I)(c_D − c) I/Δλ diverges at the frontier, so its plain mean is not used).
///
/// Each record (destination m in the firm's set, trade mode in the firm's modes) observes the price
/// p e^{s_p u} and a quantity from the demand layer (ε ~ N(0, s_ε²)):
/// - CES: ln q = χ_jmt − σ_j ln p_obs + (σ_j − 1)(ln λ + ξ_it) + ε;
/// - linear: q = Q̄ s_m q(c, λ)/q̄ · e^{ξ_it + ε}, q(c, λ) = (E/2γ)[c_D − c + (β−μ)λ], q̄ = q at c_D/2.
/// Value = p_obs × q; records with value < `min_value` or quantity < `min_quantity` are dropped.
///
/// Controls (firm-year): size = ln employees = size base + 0.03 t + 0.1 z; age = ln(year − founded + 1);
/// capital_intensity = ln capital per worker + 0.1 z; labour_intensity = e^{−capital_intensity};
/// tfp = ln(1/c) + τ ln(I_it/I) + 0.1 z (`true_tfp` without z); leverage = ln(liabilities/assets); finance = firm level + 0.05 z.
///
/// Mechanism variables (Tables 8–9; `QualityLadderMechanisms`): `tfp_external_frontier` (ln TFP of the external
/// frontier, above the industry × year maximum of tfp), `knowledge_breadth` = 1 − HHI of the cumulative patent
/// classes, and their noise-free counterparts `true_tfp_external_frontier`, `true_knowledge_breadth`.
/// `true_variety` is the number of the firm's products with at least one record that passes the filters
/// without noise (ε = 0, price noise 0, ξ = 0); the ladder itself (c/ω^{n−1} < c_D) does not depend on I, so
/// variety responds to Eco only through the filters. `true_price` = p and `noiseless_quantity` (the demand
/// layer without ε and ξ, at p) are the inputs of the noise-free KSW quality.
public enum QualityLadderSimulator {
    /// Columns of the simulated panel.
    public static let panelColumns = QualityLadderPanelColumns.intNames + QualityLadderPanelColumns.doubleNames

    /// Simulates one replication. Streams: `RandomStream(masterSeed:replication:purpose:)` with purposes
    /// "quality-ladder/world", "/firms", "/innovation", "/controls" and "/records".
    public static func simulate(_ equilibrium: QualityLadderEquilibrium, masterSeed: UInt64,
                                replication: Int) throws -> QualityLadderPanel {
        let p = equilibrium.parameters, s = p.simulation
        func stream(_ purpose: String) -> RandomStream {
            RandomStream(masterSeed: masterSeed, replication: replication, purpose: "quality-ladder/" + purpose)
        }
        guard s.productsPerIndustry >= p.maximumProducts else {
            throw ModelError.noEquilibrium(reason: "products_per_industry < products", keys: ["products_per_industry", "products"])
        }
        let cutoff = equilibrium.costCutoff, b = p.netQualityValue
        let base = p.digitalInput, top = s.maximumDigitalInput
        guard top > base, QualityLadderModel(parameters: p.with(digitalInput: top)).secondOrderMargin > 0, b > 0 else {
            throw ModelError.noEquilibrium(reason: "the SOC 4γψ > E(β−μ)² must hold at I_max > I", keys: ["I_max", "I"])
        }
        let typicalCost = cutoff / 2, typicalQuality = equilibrium.qualityCoefficient * (cutoff - typicalCost)
        let typicalPrice = 0.5 * (cutoff + typicalCost + (p.qualityPreference + p.qualityMarginalCost) * typicalQuality)
        let typicalQuantity = cutoff - typicalCost + b * typicalQuality
        let world = try QualityLadderWorld(settings: s, typicalLogPrice: log(typicalPrice),
                                           typicalLogQuality: log(typicalQuality), stream: stream("world"))
        let firmStream = stream("firms")
        let ownerships = try CategoricalDistribution(probabilities: s.ownershipShares)
        let tradeTypes = try CategoricalDistribution(probabilities: s.tradeTypeShares)
        let firms = try (0..<s.firmCount).map { _ in
            try QualityLadderFirm(settings: s, cutoff: cutoff, paretoShape: p.paretoShape, ladderLength: p.maximumProducts,
                                  ownerships: ownerships, tradeTypes: tradeTypes, stream: firmStream)
        }
        let innovation = stream("innovation"), controls = stream("controls"), records = stream("records")
        var mechanisms = try QualityLadderMechanisms(settings: s, firmCount: firms.count, stream: stream("mechanisms"))
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let fourGammaE = 4 * p.productDifferentiation * p.marketSize
        let quantityFactor = p.marketSize / (2 * p.productDifferentiation)
        let years = s.yearCount
        var lastPatents = [Double](repeating: 0, count: firms.count)
        var columns = QualityLadderPanelColumns()
        var generated = 0, effectSum = 0.0, tfpEffectSum = 0.0, logEffectSum = 0.0, logEffectCount = 0, inputSlopeSum = 0.0, distanceSum = 0.0
        for t in 0..<years {
            // Pass 1: patents, digital input and ϕ of every firm, and the industry frontier.
            var state: [(patents: Double, eco: Double, input: Double, phi: Double, dPhiDInput: Double, dPhiDEco: Double, appeal: Double,
                         breadth: Double, trueBreadth: Double)] = []
            state.reserveCapacity(firms.count)
            var frontier = [Double](repeating: 0, count: s.industryCount)
            for (index, firm) in firms.enumerated() {
                let province = world.cityProvince[firm.city]
                let appeal = s.appealDispersion * normal.sample(innovation)
                let logIntensity = s.patentIntercept + firm.propensity
                    + s.phoneStrength * world.phones1984[firm.city] * world.ports[province * years + t]
                    + s.postStrength * world.postOffices1984[firm.city] * world.ports[province * years + t]
                    + s.foreignPatentStrength * world.foreignPatents[firm.industry * years + t]
                    + s.patentPersistence * log(1 + lastPatents[index]) + s.appealInPatents * appeal
                guard !logIntensity.isNaN else {
                    let port = world.ports[province * years + t]
                    throw patentIntensityError([
                        PatentIntensityTerm(value: s.patentIntercept + firm.propensity, keys: ["patent_intercept", "patent_propensity_sd"]),
                        PatentIntensityTerm(value: s.phoneStrength * world.phones1984[firm.city] * port, keys: ["pi_phone", "ports_growth", "ports_sd"]),
                        PatentIntensityTerm(value: s.postStrength * world.postOffices1984[firm.city] * port, keys: ["pi_post", "ports_growth", "ports_sd"]),
                        PatentIntensityTerm(value: s.foreignPatentStrength * world.foreignPatents[firm.industry * years + t],
                                            keys: ["pi_patent", "foreign_patent_growth", "foreign_patent_sd"]),
                        PatentIntensityTerm(value: s.appealInPatents * appeal, keys: ["appeal_in_patents", "appeal_sd"]),
                    ], firm: index, year: t)
                }
                let patents = Double(try PoissonDistribution(mean: min(exp(logIntensity), 1e8)).sample(innovation))
                lastPatents[index] = patents
                let eco = log(1 + patents)
                let decay = exp(-s.digitalResponse * eco)
                let input = base + (top - base) * (1 - decay)
                let psi = p.qualityCostScale / (p.innovationPerformance * input)
                let margin = 4 * p.productDifferentiation * psi - p.marketSize * b * b
                let phi = p.marketSize * b / margin
                let dPhiDInput = fourGammaE * b * psi / (margin * margin * input)
                let breadth = mechanisms.fileYear(firm: index, patents: patents, eco: eco)
                state.append((patents, eco, input, phi, dPhiDInput, dPhiDInput * s.digitalResponse * (top - base) * decay, appeal,
                              breadth.breadth, breadth.noiseless))
                frontier[firm.industry] = max(frontier[firm.industry], phi * (cutoff - firm.cost))
            }
            // Controls in the draw order capital, size, tfp, finance; the TFP frontiers of the industry-year.
            var drawn: [(capital: Double, size: Double, tfpNoise: Double, finance: Double)] = []
            drawn.reserveCapacity(firms.count)
            var tfpTop = [Double](repeating: -.infinity, count: s.industryCount), trueTfpTop = tfpTop
            for (index, firm) in firms.enumerated() {
                let capital = firm.capitalIntensity + 0.1 * normal.sample(controls)
                let size = firm.sizeBase + 0.03 * Double(t) + 0.1 * normal.sample(controls)
                let tfpNoise = 0.1 * normal.sample(controls)
                drawn.append((capital, size, tfpNoise, firm.finance + 0.05 * normal.sample(controls)))
                let trueTfp = -log(firm.cost) + s.tfpInputElasticity * log(state[index].input / base)
                tfpTop[firm.industry] = max(tfpTop[firm.industry], trueTfp + tfpNoise)
                trueTfpTop[firm.industry] = max(trueTfpTop[firm.industry], trueTfp)
            }
            // Pass 2: the firm-year's records.
            let year = s.firstYear + t
            for (index, firm) in firms.enumerated() {
                let f = state[index], province = world.cityProvince[firm.city], controlDraws = drawn[index]
                let ports = world.ports[province * years + t]
                let capital = controlDraws.capital
                let trueTfp = -log(firm.cost) + s.tfpInputElasticity * log(f.input / base)
                let gap = mechanisms.externalGaps[firm.industry]
                let firmDoubles = [
                    f.eco, f.patents, world.phones1984[firm.city] * ports, world.postOffices1984[firm.city] * ports,
                    world.foreignPatents[firm.industry * years + t], world.phones1984[firm.city],
                    world.postOffices1984[firm.city], ports,
                    controlDraws.size, log(Double(year - firm.foundingYear + 1)), capital, exp(-capital),
                    trueTfp + controlDraws.tfpNoise, log(firm.liabilityShare), controlDraws.finance,
                ]
                let mechanismDoubles = [trueTfp, tfpTop[firm.industry] + gap, trueTfpTop[firm.industry] + gap,
                                        f.breadth, f.trueBreadth]
                let firstRow = columns.count
                var noiselessVariety = 0
                var cost = firm.cost
                let modes = firm.tradeModes
                for (rank, product) in firm.products.enumerated() {
                    if rank > 0 { cost /= p.ladderCostFactor }
                    guard cost < cutoff else { break }
                    let quality = f.phi * (cutoff - cost)
                    let distance = frontier[firm.industry] - quality
                    let effect = -f.dPhiDEco * (cutoff - cost)
                    let price = 0.5 * (cutoff + cost + (p.qualityPreference + p.qualityMarginalCost) * quality)
                    let sigma = world.elasticities[product]
                    let modelQuantity = quantityFactor * (cutoff - cost + b * quality)
                    var exportedWithoutNoise = false
                    for destination in firm.destinations {
                        let noiselessQuantity: Double
                        switch s.demandLayer {
                        case .ces:
                            let shifter = world.shifters[(product * s.destinationCount + destination) * years + t]
                            noiselessQuantity = exp(shifter - sigma * log(price) + (sigma - 1) * log(quality))
                        case .linear:
                            noiselessQuantity = s.quantityScale * exp(world.destinationLogSize[destination])
                                * modelQuantity / (quantityFactor * typicalQuantity)
                        }
                        if price * noiselessQuantity >= s.minimumValue, noiselessQuantity >= s.minimumQuantity {
                            exportedWithoutNoise = true
                        }
                        for mode in modes {
                            generated += 1
                            let observedPrice = price * exp(s.priceNoise * normal.sample(records))
                            let noise = s.quantityNoise * normal.sample(records)
                            let quantity: Double
                            switch s.demandLayer {
                            case .ces:
                                let shifter = world.shifters[(product * s.destinationCount + destination) * years + t]
                                quantity = exp(shifter - sigma * log(observedPrice) + (sigma - 1) * (log(quality) + f.appeal) + noise)
                            case .linear:
                                quantity = s.quantityScale * exp(world.destinationLogSize[destination])
                                    * modelQuantity / (quantityFactor * typicalQuantity) * exp(f.appeal + noise)
                            }
                            let value = observedPrice * quantity
                            guard value >= s.minimumValue, quantity >= s.minimumQuantity else { continue }
                            effectSum += effect
                            tfpEffectSum += s.tfpInputElasticity * s.digitalResponse * (top - base) * exp(-s.digitalResponse * f.eco) / f.input
                            let logEffect = effect / distance
                            if logEffect.isFinite {
                                logEffectSum += logEffect
                                logEffectCount += 1
                                inputSlopeSum += -f.dPhiDInput * (cutoff - cost) * f.input
                                distanceSum += distance
                            }
                            columns.append(
                                ints: [index + 1, year, destination + 1, product + 1, firm.city + 1, firm.industry + 1,
                                       province + 1, firm.ownership, mode, firm.tradeType,
                                       world.destinationGroup[destination], rank + 1],
                                doubles: [value, quantity, observedPrice] + firmDoubles + [
                                    cost, f.input, f.phi, quality, log(quality), frontier[firm.industry], distance,
                                    effect, logEffect,
                                ] + mechanismDoubles + [0, price, noiselessQuantity])
                        }
                    }
                    if exportedWithoutNoise { noiselessVariety += 1 }
                }
                columns.fill(double: "true_variety", rows: firstRow..<columns.count, with: Double(noiselessVariety))
            }
        }
        let kept = columns.count
        let truth = QualityLadderTruth(
            demandLayer: s.demandLayer, costCutoff: cutoff, baseQualityCoefficient: equilibrium.qualityCoefficient,
            baseDigitalInput: base, maximumDigitalInput: top, digitalResponse: s.digitalResponse,
            productElasticities: world.elasticities,
            meanDistanceEffect: kept > 0 ? effectSum / Double(kept) : .nan,
            meanLogDistanceEffect: logEffectCount > 0 ? logEffectSum / Double(logEffectCount) : .nan,
            distanceElasticity: distanceSum > 0 ? inputSlopeSum / distanceSum : .nan,
            meanTfpEffect: kept > 0 ? tfpEffectSum / Double(kept) : .nan,
            generatedRecords: generated, keptRecords: kept)
        return QualityLadderPanel(dataset: try columns.dataset(), truth: truth)
    }
}
