// rakt from Kotlin: a blood centre's stock and a morning's patients.
//
// For each patient: the donor groups that may be given, best first; the units in stock that can
// be issued (compatible and not expired), best match first and soonest-expiring first within it; and why every other unit of
// that component cannot be given, with the reason code and its message in English and Hindi.
// Every decision is made by the Rust library through the org.rakt bindings; this file only reads
// the CSVs, calls rakt and prints.
//
// Run (from the repository root): bindings/kotlin/demo.sh
// Data: examples/data/units.csv and examples/data/patients.csv (see examples/data/README.md).
package org.rakt.examples

import org.rakt.BloodGroup
import org.rakt.Compatibility
import org.rakt.Component
import org.rakt.Expiry
import org.rakt.PlateletSource
import org.rakt.Policy
import org.rakt.Preservative
import org.rakt.Product
import org.rakt.RaktException
import org.rakt.Rank
import org.rakt.Reason
import org.rakt.Recipient
import org.rakt.Severity
import org.rakt.Sex
import org.rakt.compatibility
import org.rakt.computeExpiry
import org.rakt.donorPreference
import org.rakt.isExpired
import org.rakt.parse
import org.rakt.parseComponent
import org.rakt.parseTimestamp
import java.io.File
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter
import kotlin.system.exitProcess

/** Everything is evaluated at this instant: time is always an argument in rakt. */
const val NOW = "2026-11-23T10:00:00+05:30"

class StockUnit(val id: String, val group: BloodGroup, val expiry: Expiry)

class Patient(
    val id: String,
    val writtenGroup: String,
    val recipient: Recipient,
    val component: Component,
    val note: String,
)

private val timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")

private fun show(t: OffsetDateTime): String = t.format(timeFormat)

fun main(args: Array<String>) {
    val dataDir = File(args.firstOrNull() ?: "examples/data")
    try {
        run(dataDir)
    } catch (e: RaktException) {
        System.err.println("error: $e")
        exitProcess(1)
    }
}

fun run(dataDir: File) {
    val policy = Policy.india()
    val now = parseTimestamp(NOW)
    val units = loadUnits(File(dataDir, "units.csv"), policy)
    val patients = loadPatients(File(dataDir, "patients.csv"))

    println("rakt (Kotlin) — blood readiness at ${show(now)}  (policy: ${policy.name()})")
    println("${units.size} units in stock, ${patients.size} patients waiting")
    println()
    for (p in patients) showPatient(p, units, policy, now)
}

fun showPatient(p: Patient, units: List<StockUnit>, policy: Policy, now: OffsetDateTime) {
    val r = p.recipient
    val group = r.group?.let { "$it  (written \"${p.writtenGroup}\")" } ?: "UNKNOWN — emergency release"
    val who = when {
        r.sex == Sex.FEMALE && r.ageYears != null -> "woman, ${r.ageYears}"
        r.sex == Sex.MALE && r.ageYears != null -> "man, ${r.ageYears}"
        else -> "sex/age not recorded"
    }
    println("══ ${p.id}  $group · $who · needs ${p.component.displayName("en")} / ${p.component.displayName("hi")}")
    println("   ${p.note}")

    val order = donorPreference(p.component, r, policy).map {
        if (it.rank == Rank.COMPATIBLE_WITH_CAVEAT) "${it.group} (caveat)" else it.group.toString()
    }
    println("   Donor groups, best first: ${if (order.isEmpty()) "none" else order.joinToString(", ")}")

    val issuable = ArrayList<Pair<StockUnit, Compatibility>>()
    val refused = ArrayList<Triple<StockUnit, Compatibility, Boolean>>()
    for (u in units.filter { it.expiry.product.component == p.component }) {
        val verdict = compatibility(p.component, u.group, r, policy)
        val expired = isExpired(u.expiry, now)
        if (verdict.compatible && !expired) issuable += u to verdict else refused += Triple(u, verdict, expired)
    }

    if (issuable.isEmpty()) {
        println("   ✗ No unit in stock can be issued.")
    } else {
        // Best rank first (the core's order: identical, compatible, with caveat), then
        // soonest-expiring first, as in the Rust example.
        println("   ✓ Can be issued (best match, then soonest expiry first):")
        val order = compareBy<Pair<StockUnit, Compatibility>>({ it.second.rank }, { it.first.expiry.expiresAt.toInstant() })
        for ((u, v) in issuable.sortedWith(order)) {
            println("     %-14s %-4s expires %s  [%s]".format(u.id, u.group, show(u.expiry.expiresAt), v.rank.name.lowercase()))
            for (reason in v.reasons.filter { it.severity != Severity.INFO }) {
                println("        ! ${reason.code}")
                printMessages(reason)
            }
        }
    }
    if (refused.isNotEmpty()) {
        println("   ✗ Cannot be given:")
        for ((u, verdict, expired) in refused) {
            println("     %-14s %s".format(u.id, u.group))
            if (expired) {
                println("        EXPIRED at ${show(u.expiry.expiresAt)}")
                u.expiry.reasons.lastOrNull()?.let { println("        ${it.code}"); printMessages(it) }
            }
            if (!verdict.compatible) {
                // reasons are ordered most severe first
                val first = verdict.reasons.first()
                println("        ${first.code}")
                printMessages(first)
            }
        }
    }
    println()
}

fun printMessages(reason: Reason) {
    println("          en: ${reason.message("en")}")
    println("          hi: ${reason.message("hi")}")
}

// ---- reading the CSVs (no quoting in these files; the last column may contain commas) ----------

fun rows(file: File): List<Map<String, String>> {
    val lines = file.readLines().filter { it.isNotBlank() }
    val header = lines.first().split(",").map { it.trim() }
    return lines.drop(1).map { line ->
        val cells = line.split(",", limit = header.size).map { it.trim() }
        header.indices.associate { header[it] to (cells.getOrNull(it) ?: "") }
    }
}

fun <E : Enum<E>> code(values: List<E>, text: String): E? =
    if (text.isEmpty()) null else values.firstOrNull { it.name == text.uppercase() } ?: error("unknown code \"$text\"")

fun loadUnits(file: File, policy: Policy): List<StockUnit> = rows(file).map { row ->
    val product = Product(
        component = parseComponent(row.getValue("component")),
        preservative = code(Preservative.entries, row.getValue("preservative")),
        plateletSource = code(PlateletSource.entries, row.getValue("platelet_source")),
    )
    StockUnit(
        id = row.getValue("unit_id"),
        group = BloodGroup.parse(row.getValue("group")),
        expiry = computeExpiry(product, parseTimestamp(row.getValue("collected_at")), policy),
    )
}

fun loadPatients(file: File): List<Patient> = rows(file).map { row ->
    val written = row.getValue("group")
    Patient(
        id = row.getValue("patient_id"),
        writtenGroup = written,
        recipient = Recipient(
            group = if (written.isEmpty()) null else BloodGroup.parse(written),
            sex = code(Sex.entries, row.getValue("sex")),
            ageYears = row.getValue("age_years").takeIf { it.isNotEmpty() }?.toInt(),
            antiD = row.getValue("anti_d") == "true",
            chronicallyTransfused = row.getValue("chronically_transfused") == "true",
        ),
        component = parseComponent(row.getValue("component")),
        note = row.getValue("note"),
    )
}
