// rakt from Kotlin: a donor at the blood centre, and the unit they give, from vein to issue.
//
// Every decision (eligibility, release, each step of the unit's life) is made by the Rust
// library through the org.rakt bindings; this file only builds values, calls rakt and prints.
//
// Run (from the repository root): bindings/kotlin/demo.sh DonorAndUnit
package org.rakt.examples.lifecycle

import org.rakt.*
import java.math.BigDecimal
import java.time.LocalDate
import java.time.OffsetDateTime

fun main() {
    val india = Policy.india()
    fun at(text: String) = OffsetDateTime.parse(text)

    // 1. May this donor give 450 mL of whole blood on 1 March? (He gave on 10 January.)
    val donor = Donor(
        dateOfBirth = LocalDate.of(1990, 5, 17),
        sex = Sex.MALE,
        previousDonations = listOf(PreviousDonation(LocalDate.of(2026, 1, 10), DonationKind.WHOLE_BLOOD_450)),
        id = "D-17",
    )
    val checks = DonorChecks(
        weightKg = BigDecimal("70"), hbGDl = BigDecimal("14.1"), systolicMmhg = 120,
        diastolicMmhg = 80, pulseBpm = 72, temperatureC = BigDecimal("36.8"),
    )
    val a = assessDonor(donor, checks, DonationKind.WHOLE_BLOOD_450, LocalDate.of(2026, 3, 1), india)
    println("eligible: ${a.eligible}, next eligible: ${a.nextEligible}")
    for (r in a.reasons) println("  ${r.code}\n    ${r.message("en")}\n    ${r.message("hi")}")

    // 2. On his next eligible day he gives; the unit is collected, screened, released,
    //    reserved and issued. Each event returns a new BloodUnit; a refused one throws.
    val day = a.nextEligible!!
    var unit = BloodUnit.collect(
        Collection(
            din = "DIN-2026-0417",
            product = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION),
            group = BloodGroup.parse("O+"),
            volumeMl = 280,
            donationType = DonationType.VOLUNTARY,
            collectedAt = at("${day}T09:00:00+05:30"),
            donorId = donor.id,
        ),
        actor = "tech-a",
        policy = india,
    )
    fun record(time: String, kind: EventKind) {
        unit = unit.apply(UnitEvent(at("${day}T$time:00+05:30"), "tech-a", kind), india)
    }
    record("09:30", EventKind.Quarantine)
    try {
        record("09:40", EventKind.Release) // nothing tested yet
    } catch (e: RaktException.NotApplicable) {
        println("release refused: ${e.code}")
        for (r in unit.releaseVerdict(at("${day}T09:40:00+05:30"), india).reasons) {
            println("  ${r.code}: ${r.message("en")} / ${r.message("hi")}")
        }
    }
    for (marker in listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)) {
        record("11:00", EventKind.RecordTest(marker, TestResult.NON_REACTIVE))
    }
    record("11:10", EventKind.RecordGrouping(forward = BloodGroup.parse("O+"), reverse = Abo.O))
    record("11:30", EventKind.Release)
    record("12:00", EventKind.Reserve(patient = "P-1", until = at("${day.plusDays(1)}T12:00:00+05:30")))
    record("15:00", EventKind.Issue(patient = "P-1"))

    println("$unit, HL7 ${unitStatusToHl7(unit.status())}, expires ${unit.expiry().expiresAt}")
    for (e in unit.history()) {
        val why = e.reasons.joinToString { it.message("en") }
        println("  ${e.at}  ${e.kind::class.simpleName}  $why")
    }
}
