// rakt from Kotlin: an ANC register is screened for high-risk pregnancies, each mother gets the
// level of care she needs and a blood plan, and the blood for a mother with placenta praevia is
// checked against the FRU's stock and the district hospital's (the same scenario as
// `cargo run -p rakt-demo --bin maternal_demo` and examples/python/maternal_demo.py).
//
// Every decision (the flags, the level, the plan, which units) is made by the Rust library through
// the org.rakt bindings; this file only reads the bundled data, calls rakt and prints.
//
// Run (from the repository root): bindings/kotlin/demo.sh MaternalDemo
package org.rakt.examples.maternal

import org.rakt.*
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter

private val day = DateTimeFormatter.ofPattern("yyyy-MM-dd")
private val minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
private val proteins = mapOf("nil" to UrineProtein.NIL, "trace" to UrineProtein.TRACE, "+" to UrineProtein.PLUS1,
    "++" to UrineProtein.PLUS2, "+++" to UrineProtein.PLUS3, "++++" to UrineProtein.PLUS4)

private fun code(e: Enum<*>) = e.name.lowercase()

/** The ANC register: an empty cell is a value not recorded. */
private fun loadRegister(file: File): List<AncRecord> {
    val lines = file.readLines().filter { it.isNotBlank() }
    val header = lines.first().split(",")
    return lines.drop(1).map { line ->
        val cells = line.split(",")
        fun get(name: String): String? = cells.getOrNull(header.indexOf(name))?.takeIf { it.isNotEmpty() }
        fun int(name: String) = get(name)?.toInt()
        fun dec(name: String) = get(name)?.let { BigDecimal(it) }
        fun date(name: String) = get(name)?.let { LocalDate.parse(it) }
        fun bp(name: String) = get(name)?.split("/")?.let { BloodPressure(it[0].toInt(), it[1].toInt()) }
        fun list(name: String) = get(name)?.split(";") ?: emptyList()
        AncRecord(
            id = get("id"), ageYears = int("age_years"), heightCm = dec("height_cm"), weightKg = dec("weight_kg"),
            gravida = int("gravida"), parity = int("parity"), previousCaesareans = int("previous_caesareans"),
            monthsSinceLastPregnancy = int("months_since_last_pregnancy"), lmp = date("lmp"), edd = date("edd"),
            fetuses = int("fetuses"), presentation = get("presentation")?.let { Presentation.valueOf(it.uppercase()) },
            hbGDl = dec("hb_g_dl"), bp = bp("bp"), bpRepeat = bp("bp_repeat"),
            urineProtein = get("urine_protein")?.let { proteins.getValue(it) }, ogtt2hMgDl = dec("ogtt_2h_mg_dl"),
            bloodGroup = get("blood_group")?.let { parseBloodGroup(it) },
            conditions = list("conditions").map { KnownCondition.valueOf(it.uppercase()) },
            dangerSigns = list("danger_signs").map { DangerSign.valueOf(it.uppercase()) },
        )
    }
}

/** Red cells collected, screened, grouped and released two hours after collection. */
private fun loadStock(file: File): List<BloodUnit> = file.readLines().drop(1)
    .filter { it.isNotBlank() && it.split(",")[1] == "red_cells" }
    .map { line ->
        val f = line.split(",")
        val group = parseBloodGroup(f[4])
        val collected = OffsetDateTime.parse(f[5])
        var unit = BloodUnit.collect(
            Collection(din = f[0], product = Product(Component.RED_CELLS, Preservative.valueOf(f[2].uppercase())),
                group = group, volumeMl = 280, donationType = DonationType.VOLUNTARY, collectedAt = collected),
            "tech",
        )
        val at = collected.plusHours(2)
        val kinds = mutableListOf<EventKind>(EventKind.Quarantine)
        listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
            .forEach { kinds += EventKind.RecordTest(it, TestResult.NON_REACTIVE) }
        kinds += EventKind.RecordGrouping(forward = group, reverse = group.abo)
        kinds += EventKind.Release
        for (k in kinds) unit = unit.apply(UnitEvent(at, "tech", k))
        unit
    }

private fun show(a: PregnancyAssessment) {
    val ga = a.gestationalAge?.let { "${it.weeks}+${it.days}" } ?: "?"
    println("== ${a.id}  $ga weeks  risk ${code(a.riskLevel)}  →  ${careLevelDescription(a.referral.level)} (${code(a.referral.urgency)})")
    a.flags.forEachIndexed { i, f ->
        println("  ${f.code.padEnd(24)} ${f.message("en")}")
        if (i == 0) println("  ${"".padEnd(24)} ${f.message("hi")}")
    }
    val plan = a.bloodPlan
    val action = when (plan.action) {
        BloodActionKind.NONE -> "no pretransfusion testing"
        BloodActionKind.GROUP_AND_SCREEN -> "group and screen"
        BloodActionKind.CROSSMATCH -> "crossmatch ${plan.units} units of red cells"
    }
    val factors = if (plan.factors.isEmpty()) "" else " — " + plan.factors.joinToString(", ") { code(it) }
    println("  blood plan: ${code(plan.tier)} tier, $action (${code(plan.timing)})$factors")
    println()
}

fun main(args: Array<String> = arrayOf()) {
    val dataDir = File(args.firstOrNull() ?: System.getProperty("rakt.data.dir") ?: "examples/data")
    val now = OffsetDateTime.parse("2026-11-23T10:00:00+05:30")
    val today = now.toLocalDate()
    println("rakt — ANC register on $today  (policy: india)\n")
    var praevia: Pair<AncRecord, PregnancyAssessment>? = null
    for (record in loadRegister(File(dataDir, "anc_register.csv"))) {
        val a = assessPregnancy(record, today)
        show(a)
        if (KnownCondition.PLACENTA_PRAEVIA in record.conditions) praevia = record to a
    }
    val (record, a) = praevia ?: error("the register has no mother with placenta praevia")

    val fru = Inventory("FRU-BARABANKI")
    loadStock(File(dataDir, "fru_stock.csv")).forEach { fru.add(it) }
    val dh = Inventory("DH-LUCKNOW")
    loadStock(File(dataDir, "hub_stock.csv")).forEach { dh.add(it) }
    val due = a.edd ?: error("no due date")
    val r = bloodReadiness(motherFromRecord(record), a.bloodPlan, fru, due, now, listOf(dh))
    println("== Blood for ${r.mother} (${record.bloodGroup}, due $due): ${r.required} units of red cells, valid until ${r.neededBy.format(minute)}")
    println("  at ${r.facility}:")
    for (u in r.units) println("    ${u.id} ${u.group.toString().padEnd(3)} expires ${u.expiresAt.format(minute)}")
    println("  missing: ${r.missing}")
    for (s in r.shortfall.filter { it.group.toString().startsWith("B") }) println("    ${s.group}: ${s.reasons.joinToString(", ")}")
    for (n in r.nearby) for (u in n.units) {
        println("  from ${n.facility}: ${u.id} ${u.group.toString().padEnd(3)} expires ${u.expiresAt.format(day)}  ${u.codes().joinToString(", ")}")
    }
    println("  still uncovered: ${r.uncovered}")
    r.suggestedReservation?.let {
        val held = fru.reserve(it, now, "lab-tech-sunita")
        println("  reserved at ${fru.facility()} for ${it.patient}: ${held.ids().joinToString(", ")}")
    }
}
