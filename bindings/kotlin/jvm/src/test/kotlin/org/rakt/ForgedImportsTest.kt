package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.OffsetDateTime

/** An import never forges a unit's state: crates/rakt/tests/forged_imports.rs, key cases. */
class ForgedImportsTest {
    private val markers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
    private val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)
    private val collected = OffsetDateTime.parse("2026-11-01T09:00:00+05:30")
    private val expires = "2026-12-13T23:59:00+05:30"

    /** A released red-cell unit collected on 1 November 2026, 09:00 IST. */
    private fun released(din: String): BloodUnit {
        var u = BloodUnit.collect(
            Collection(din = din, product = sagm, group = parseBloodGroup("O+"), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = collected),
            "tech",
        )
        val at = collected.plusHours(2)
        fun ev(kind: EventKind) = UnitEvent(at, "tech", kind)
        u = u.apply(ev(EventKind.Quarantine))
        for (m in markers) u = u.apply(ev(EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev(EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev(EventKind.Release))
    }

    private fun forged(din: String, from: String, to: String): String {
        val json = released(din).toJson()
        assertTrue(json.contains(from), json)
        return json.replace(from, to)
    }

    @Test
    fun aSavedUnitLoadsBack() {
        val u = released("DIN-1")
        assertEquals(u.toJson(), BloodUnit.fromJson(u.toJson()).toJson())
    }

    @Test
    fun aForgedIssuedStatusIsRefused() {
        val json = forged("DIN-1", "\"status\":\"released\"", "\"status\":\"issued\",\"reservation\":{\"patient\":\"P-1\"}")
        val e = assertThrows<RaktException.InvalidInput> { BloodUnit.fromJson(json) }
        assertEquals("status", e.field)
    }

    @Test
    fun volumeZeroIsRefused() {
        val json = forged("DIN-1", "\"volume_ml\":280", "\"volume_ml\":0")
        val e = assertThrows<RaktException.InvalidInput> { BloodUnit.fromJson(json) }
        assertEquals("volume_ml", e.field)
    }

    @Test
    fun anExpiryAYearLaterIsRefusedByTheInventory() {
        assertEquals(OffsetDateTime.parse(expires), released("DIN-1").expiry().expiresAt)
        val unit = BloodUnit.fromJson(forged("DIN-1", expires, "2027-12-13T23:59:00+05:30"))
        val inv = Inventory("FRU-1", null)
        inv.add(released("DIN-0"))
        val e = assertThrows<RaktException.InvalidInput> { inv.add(unit) }
        assertEquals("expiry", e.field)
        assertEquals(1, inv.len())
        assertNull(inv.get("DIN-1"))
        // The policy's own expiry is accepted.
        inv.add(BloodUnit.fromJson(released("DIN-1").toJson()))
        assertEquals(2, inv.len())
    }
}
