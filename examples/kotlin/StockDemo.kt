// rakt from Kotlin: a hub blood centre supplies a first-referral-unit blood storage centre, which
// then serves a postpartum haemorrhage and a trauma patient (the same scenario as
// `cargo run -p rakt-demo --bin stock_demo` and examples/python/stock_demo.py).
//
// Every decision (which unit, the cold chain, the norm) is made by the Rust library through the
// org.rakt bindings; this file only reads the bundled stock, calls rakt and prints.
//
// Run (from the repository root): bindings/kotlin/demo.sh StockDemo
package org.rakt.examples.stock

import org.rakt.*
import java.io.File
import java.math.BigDecimal
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter

private val day = DateTimeFormatter.ofPattern("yyyy-MM-dd")
private val minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")

/** Each row collected, screened, grouped and released two hours after collection. */
private fun load(file: File): List<BloodUnit> = file.readLines().drop(1).filter { it.isNotBlank() }.map { line ->
    val f = line.split(",")
    val product = Product(
        component = parseComponent(f[1]),
        preservative = if (f[2].isEmpty()) null else Preservative.valueOf(f[2].uppercase()),
        plateletSource = if (f[3].isEmpty()) null else PlateletSource.valueOf(f[3].uppercase()),
    )
    val group = parseBloodGroup(f[4])
    val collected = OffsetDateTime.parse(f[5])
    var unit = BloodUnit.collect(
        Collection(din = f[0], product = product, group = group, volumeMl = 280,
            donationType = DonationType.VOLUNTARY, collectedAt = collected),
        "hub-tech",
    )
    val at = collected.plusHours(2)
    val kinds = mutableListOf<EventKind>(EventKind.Quarantine)
    listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
        .forEach { kinds += EventKind.RecordTest(it, TestResult.NON_REACTIVE) }
    kinds += EventKind.RecordGrouping(forward = group, reverse = group.abo)
    kinds += EventKind.Release
    for (k in kinds) unit = unit.apply(UnitEvent(at, "hub-tech", k))
    unit
}

private fun show(title: String, a: Allocation) {
    println("  $title")
    for (u in a.units) {
        println("    ${u.id} ${u.group.toString().padEnd(3)} choice ${u.tier} expires ${u.expiresAt.format(day)}  ${u.codes().joinToString(", ")}")
    }
    if (a.shortfall > 0) println("    short by ${a.shortfall}")
}

fun main(args: Array<String> = arrayOf()) {
    val dataDir = File(args.firstOrNull() ?: System.getProperty("rakt.data.dir") ?: "examples/data")
    val now = OffsetDateTime.parse("2026-11-23T10:00:00+05:30")
    val hub = Inventory("HUB-LUCKNOW")
    load(File(dataDir, "hub_stock.csv")).forEach { hub.add(it) }
    println("rakt — stock at 2026-11-23T10:00:00+05:30  (policy: india)")
    println("${hub.len()} units at ${hub.facility()}\n")

    val bsc = Inventory("BSC-FRU-BARABANKI")
    val left = now.minusHours(4)
    val arrived = now.minusHours(2)
    val firstBox = listOf("HUB-2026-0001", "HUB-2026-0002", "HUB-2026-0007", "HUB-2026-0008", "HUB-2026-0013",
        "HUB-2026-0014", "HUB-2026-0020", "HUB-2026-0026", "HUB-2026-0027")
    val ok = hub.transfer(firstBox, bsc, left, BigDecimal("3.5"), BigDecimal("7.0"), arrived, "driver-ramesh")
    val warm = hub.transfer(listOf("HUB-2026-0003", "HUB-2026-0015"), bsc, left, BigDecimal("4.0"), BigDecimal("11.5"),
        arrived, "driver-ramesh")
    println("== Transfer ${hub.facility()} → ${bsc.facility()}")
    println("  box 1 (3.5–7.0 °C): ${ok.received.size} units received")
    println("  box 2 (4.0–11.5 °C): ${warm.discarded.size} units discarded")
    bsc.get(warm.discarded.first())?.history()?.last()?.reasons?.firstOrNull()?.let {
        println("    ${it.code}: ${it.message("en")}")
        println("    ${it.message("hi")}")
    }

    println("\n== ${bsc.facility()} against the blood storage centre norm")
    for (level in bsc.storageCentreCheck(now).levels) {
        val mark = if (level.missing == 0) "ok " else "LOW"
        println("  $mark ${level.group.toString().padEnd(4)} ${level.onHand} of ${level.required} (missing ${level.missing})")
    }

    println("\n== Patients at ${bsc.facility()}")
    val pph = AllocationRequest("MRN-5521", Recipient(group = parseBloodGroup("O-"), sex = Sex.FEMALE, ageYears = 27),
        Component.RED_CELLS, 2)
    show("Postpartum haemorrhage, O RhD-negative woman of 27 (reserve 2)", bsc.reserve(pph, now, "lab-tech-sunita"))
    val trauma = AllocationRequest("ER-0042", Recipient(group = null, sex = Sex.MALE, ageYears = 34), Component.RED_CELLS, 2)
    show("Trauma, group unknown (emergency release of 2)",
        bsc.emergencyRelease(trauma, "road-traffic trauma in haemorrhagic shock; no time to group", now, "dr-verma"))
    println("  flagged for follow-up: ${bsc.emergencyReleases().size} unit(s)")

    println("\n== ${hub.facility()} stock")
    val summary = hub.stockSummary(now)
    for (row in summary.rows) {
        println("  ${row.component.name.lowercase().padEnd(20)} ${row.group.toString().padEnd(4)} available ${row.available.toString().padStart(2)}  held ${row.held}  not released ${row.notReleased}  expired ${row.expired}")
    }
    for (c in summary.eraktkosh.components) println("  e-RaktKosh ${c.code} (${c.name}): ${c.availability}")
    println("\n== Expiring within 72 hours at ${hub.facility()}")
    for (u in hub.expiringWithin(now, 72)) {
        println("  ${u.id}  ${u.component.name.lowercase()} ${u.group}  expires ${u.expiresAt.format(minute)}")
    }
}
