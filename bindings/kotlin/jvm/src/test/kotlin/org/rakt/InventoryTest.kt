package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.OffsetDateTime

/** Inventory: the key cases of crates/rakt/tests/inventory.rs, with the same values. */
class InventoryTest {
    private val markers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
    private val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)

    /** Day [d] of November 2026, 09:00 IST. */
    private fun day(d: Int): OffsetDateTime = t("2026-11-%02dT09:00:00+05:30".format(d))
    private val now = day(20)

    /** A released red-cell unit collected on day [d] (released two hours later). */
    private fun rc(din: String, group: String, d: Int): BloodUnit {
        var u = BloodUnit.collect(
            Collection(din = din, product = sagm, group = parseBloodGroup(group), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = day(d)),
            "tech",
        )
        val at = day(d).plusHours(2)
        fun ev(kind: EventKind) = UnitEvent(at, "tech", kind)
        u = u.apply(ev(EventKind.Quarantine))
        for (m in markers) u = u.apply(ev(EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev(EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev(EventKind.Release))
    }

    private fun inventory(vararg units: BloodUnit, policy: Policy? = null): Inventory {
        val inv = Inventory("FRU-1", policy)
        for (u in units) inv.add(u)
        return inv
    }

    private fun man(group: String) = Recipient(group = parseBloodGroup(group), sex = Sex.MALE, ageYears = 40)
    private fun request(patient: String, r: Recipient, qty: Int, neededBy: OffsetDateTime? = null) =
        AllocationRequest(patient, r, Component.RED_CELLS, qty, neededBy = neededBy)

    @Test
    fun fefoAndPreferenceTiers() {
        val inv = inventory(rc("A-3", "A+", 3), rc("A-1", "A+", 1), rc("A-2", "A+", 2))
        val a = inv.allocate(request("P1", man("A+"), 2), now)
        assertEquals(listOf("A-1", "A-2"), a.ids())
        assertEquals(0, a.shortfall)
        assertTrue(a.skipped.isEmpty())
        assertEquals(t("2026-12-13T23:59:00+05:30"), a.units[0].expiresAt)
        assertEquals(1, a.units[0].tier)
        assertEquals(Rank.IDENTICAL, a.units[0].rank)
        assertEquals(listOf("UNIT_ALLOCATED"), a.units[0].codes())

        val tiers = inventory(rc("O-POS", "O+", 1), rc("A-NEG", "A-", 2), rc("A-POS", "A+", 5))
            .allocate(request("P1", man("A+"), 3), now)
        assertEquals(listOf("A-POS", "A-NEG", "O-POS"), tiers.ids())
        assertEquals(listOf(1, 2, 3), tiers.units.map { it.tier })
    }

    @Test
    fun oNegativeExpiresFirstOrLastResort() {
        val kept = inventory(rc("ONEG", "O-", 5), rc("OPOS", "O+", 3))
        assertEquals(listOf("OPOS"), kept.allocate(request("P1", man("O+"), 1), now).ids())
        val a = inventory(rc("ONEG", "O-", 2), rc("OPOS", "O+", 3)).allocate(request("P1", man("O+"), 2), now)
        assertEquals(listOf("ONEG", "OPOS"), a.ids())
        assertEquals(listOf("UNIT_ALLOCATED", "SCARCE_UNIT_EXPIRES_FIRST"), a.units[0].codes())
        assertEquals("2026-12-15T23:59:00+05:30", a.units[0].reasons[1].facts["replaced_expires_at"])

        val strict = Policy.fromToml("name = \"strict\"\nextends = \"india\"\n[inventory]\nscarce_use = \"last_resort\"\n")
        val inv = inventory(rc("ONEG", "O-", 1), rc("OPOS", "O+", 3), policy = strict)
        assertEquals("strict", inv.policy().name())
        assertEquals(listOf("OPOS"), inv.allocate(request("P1", man("O+"), 1), now).ids())
        val both = inv.allocate(request("P1", man("O+"), 2), now)
        assertEquals(listOf("OPOS", "ONEG"), both.ids())
        assertEquals(listOf("UNIT_ALLOCATED", "SCARCE_UNIT_LAST_RESORT"), both.units[1].codes())
    }

    @Test
    fun shortfallSaysWhyEachGroupCouldNotHelp() {
        val held = rc("OPOS-HELD", "O+", 4).apply(
            UnitEvent(now.minusHours(1), "clerk", EventKind.Reserve("OTHER", now.plusHours(5))),
        )
        val quarantined = BloodUnit.collect(
            Collection(din = "APOS-Q", product = sagm, group = parseBloodGroup("A+"), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = day(18)),
            "tech",
        ).apply(UnitEvent(day(18), "tech", EventKind.Quarantine))
        val inv = inventory(rc("APOS-1", "A+", 10), quarantined, held, rc("ANEG-OLD", "A-", 1))
        val a = inv.allocate(request("P1", man("A+"), 3, t("2026-12-14T00:00:00+05:30")), now)
        assertEquals(listOf("APOS-1"), a.ids())
        assertEquals(2, a.shortfall)
        assertEquals(10, a.skipped.size)
        val by = a.skipped.associateBy { it.group.notation() }
        assertEquals(listOf("ALL_TAKEN", "NOT_RELEASED"), by.getValue("A+").reasons)
        assertEquals(ClassCounts(1, 1, 0, 0, 0), by.getValue("A+").counts)
        assertEquals(listOf("EXPIRES_BEFORE_NEEDED"), by.getValue("A-").reasons)
        assertEquals(listOf("HELD_FOR_OTHER_PATIENTS"), by.getValue("O+").reasons)
        assertEquals(listOf("NO_STOCK"), by.getValue("O-").reasons)
        assertEquals(listOf("INCOMPATIBLE"), by.getValue("B+").reasons)
        assertTrue(by.getValue("B+").compatibility.isNotEmpty())

        val e = assertThrows<RaktException.InvalidInput> { inv.allocate(request("P1", man("A+"), 0), now) }
        assertEquals("quantity", e.field)
        assertEquals("request.quantity", assertThrows<RaktException.InvalidInput> {
            inv.allocate(request("P1", man("A+"), -1), now)
        }.field)
    }

    @Test
    fun reservationLapsesAtTheExactMinute() {
        val inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
        assertEquals(listOf("A1"), inv.reserve(request("P1", man("A+"), 1), now, "clerk").ids())
        val unit = inv.get("A1")!!
        assertEquals(UnitStatus.RESERVED, unit.status())
        assertEquals(Reservation("P1", now.plusHours(24)), unit.reservation())
        val other = request("P2", man("A+"), 2)
        assertEquals(listOf("A2"), inv.allocate(other, now.plusHours(24).minusMinutes(1)).ids())
        assertEquals(listOf("A1", "A2"), inv.allocate(other, now.plusHours(24)).ids())
        assertEquals(listOf("A1"), inv.expireReservations(now.plusHours(25), "system"))
        assertEquals(UnitStatus.RELEASED, inv.get("A1")!!.status())
    }

    @Test
    fun issueIsRefusedUnlessHeldForThePatientAndChangesNothing() {
        val inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
        val held = inv.reserve(request("P1", man("A+"), 1), now, "clerk")
        val before = inv.units()
        val e = assertThrows<RaktException.NotApplicable> {
            inv.issue(listOf("A1", "A2"), "P1", now.plusHours(1), "nurse")
        }
        assertEquals("NOT_HELD_FOR_PATIENT", e.code)
        assertEquals("unit A2 is released and not held for patient \"P1\" at 2026-11-20T10:00:00+05:30", e.reason)
        assertEquals(before, inv.units())
        assertEquals("ids", assertThrows<RaktException.InvalidInput> {
            inv.issue(listOf("A1", "A1"), "P1", now.plusHours(1), "nurse")
        }.field)
        // an empty list is a caller's mistake, not a request to do nothing
        val empty = assertThrows<RaktException.InvalidInput> { inv.cancel(emptyList(), now, "nurse") }
        assertEquals("ids", empty.field)
        assertEquals("list at least one unit (an empty list would do nothing)", empty.reason)
        assertEquals("ids", assertThrows<RaktException.InvalidInput> { inv.issue(emptyList(), "P1", now, "nurse") }.field)
        assertEquals(before, inv.units())
        inv.issue(held.ids(), "P1", now.plusHours(1), "nurse")
        assertEquals(UnitStatus.ISSUED, inv.get("A1")!!.status())
        assertEquals(listOf("A2"), inv.allocate(request("P3", man("A+"), 5), now.plusHours(2)).ids())
    }

    @Test
    fun crossmatchIssueReturnAndCancel() {
        val inv = inventory(rc("A1", "A+", 1))
        inv.reserve(request("P1", man("A+"), 1), now, "clerk")
        inv.crossmatch(listOf("A1"), "P1", now.plusHours(1), "lab")
        assertEquals(UnitStatus.CROSSMATCHED, inv.get("A1")!!.status())
        assertEquals(now.plusHours(25), inv.get("A1")!!.reservation()!!.until)
        inv.issue(listOf("A1"), "P1", now.plusHours(2), "nurse")
        val kept = inv.returnUnit("A1", now.plusHours(3), "nurse", minutesOutOfStorage = 10, keepForPatient = true)
        assertEquals(UnitStatus.RETURNED, kept.status())
        val a = inv.allocate(request("P2", man("A+"), 1), now.plusHours(100))
        assertEquals(listOf("HELD_FOR_OTHER_PATIENTS"), a.skipped.first { it.group.notation() == "A+" }.reasons)
        inv.cancel(listOf("A1"), now.plusHours(4), "nurse")
        assertEquals(listOf("A1"), inv.allocate(request("P2", man("A+"), 1), now.plusHours(5)).ids())
        inv.reserve(request("P2", man("A+"), 1), now.plusHours(5), "clerk")
        inv.issue(listOf("A1"), "P2", now.plusHours(6), "nurse")
        val late = inv.returnUnit("A1", now.plusHours(7), "nurse", minutesOutOfStorage = 31)
        assertEquals(UnitStatus.DISCARDED, late.status())
        assertEquals(DiscardReason.ReturnedTooLate, late.discardReason())
    }

    @Test
    fun emergencyReleaseGivesGroupOAndFlagsTheUnit() {
        val inv = inventory(rc("APOS", "A+", 1), rc("OPOS", "O+", 3), rc("ONEG", "O-", 5))
        val req = request("TRAUMA-7", Recipient(sex = Sex.MALE, ageYears = 35), 1)
        assertEquals("justification", assertThrows<RaktException.InvalidInput> {
            inv.emergencyRelease(req, "  ", now, "dr-rao")
        }.field)
        val why = "haemorrhagic shock, no time to group"
        val a = inv.emergencyRelease(req, why, now, "dr-rao")
        assertTrue(a.emergency)
        assertEquals(listOf("OPOS"), a.ids())
        val unit = inv.get("OPOS")!!
        assertEquals(UnitStatus.ISSUED, unit.status())
        val flag = unit.emergencyRelease()!!
        assertEquals("dr-rao", flag.actor)
        assertEquals(EventKind.EmergencyIssue("TRAUMA-7", why), flag.kind)
        assertEquals("EMERGENCY_RELEASE_FOLLOW_UP", flag.reasons[0].code)
        assertEquals(listOf("OPOS"), inv.emergencyReleases().map { it.id() })
        assertNull(inv.get("APOS")!!.emergencyRelease())
        val woman = request("TRAUMA-8", Recipient(sex = Sex.FEMALE, ageYears = 25), 1)
        assertEquals(listOf("ONEG"), inv.emergencyRelease(woman, "eclampsia with massive PPH", now, "dr-rao").ids())
    }

    @Test
    fun applyAddAndGet() {
        val inv = inventory(rc("A1", "A+", 1))
        assertEquals("USE_INVENTORY_METHOD", assertThrows<RaktException.NotApplicable> {
            inv.apply("A1", UnitEvent(now, "nurse", EventKind.Issue("P1")))
        }.code)
        // A transfer through apply would leave the unit here while it says it moved (issue 17).
        val transfer = EventKind.Transfer("FRU-1", "BSC-2", now.minusHours(2), BigDecimal("4"), BigDecimal("6"))
        assertEquals("USE_INVENTORY_METHOD", assertThrows<RaktException.NotApplicable> {
            inv.apply("A1", UnitEvent(now, "driver", transfer))
        }.code)
        assertEquals(UnitStatus.DISCARDED, inv.apply("A1", UnitEvent(now, "tech", EventKind.Discard(DiscardReason.Leakage))).status())
        assertEquals("DUPLICATE_UNIT", assertThrows<RaktException.NotApplicable> { inv.add(rc("A1", "A+", 2)) }.code)
        assertNull(inv.get("NOPE"))
        assertThrows<RaktException.InvalidInput> { inv.get("not/a valid id!") }
        assertEquals(1, inv.len())
        assertFalse(inv.isEmpty())
        assertEquals("FRU-1", inv.facility())
    }

    @Test
    fun stockSummaryExpiringAndDaysOfStock() {
        val inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2), rc("A3", "A+", 19), rc("O1", "O-", 3))
        inv.reserve(request("P1", man("A+"), 1), now, "clerk")
        val s = inv.stockSummary(now.plusHours(1))
        assertEquals("FRU-1", s.facility)
        val apos = s.rows.first { it.group.notation() == "A+" }
        assertEquals(StockRow(Component.RED_CELLS, parseBloodGroup("A+"), 2, 1, 0, 0, 0), apos)
        assertEquals(1, s.rows.first { it.group.notation() == "O-" }.available)
        assertEquals("A+Ve : 2, O-Ve : 1", s.eraktkosh.components[0].availability)
        val later = inv.stockSummary(t("2026-12-14T00:00:00+05:30")).rows.first { it.group.notation() == "A+" }
        assertEquals(Triple(2, 0, 1), Triple(later.available, later.held, later.expired))

        val asOf = t("2026-12-13T23:59:00+05:30").minusHours(48)
        assertEquals(listOf("A1"), inv.expiringWithin(asOf, 48).map { it.id })
        val soon = inv.expiringWithin(asOf, 72)
        assertEquals(listOf("A1", "A2"), soon.map { it.id })
        assertEquals(t("2026-12-14T23:59:00+05:30"), soon[1].expiresAt)

        val week = inventory(*(1..7).map { rc("A$it", "A+", it) }.toTypedArray())
        for ((i, d) in listOf(1 to 14, 2 to 16, 3 to 18)) {
            val held = week.reserve(request("P$i", man("A+"), 1), day(d), "clerk")
            week.issue(held.ids(), "P$i", day(d).plusHours(1), "nurse")
        }
        val r = week.daysOfStock(now, 7).single()
        assertEquals(listOf(4, 3, 7), listOf(r.onHand, r.issued, r.windowDays))
        assertEquals(BigDecimal("0.43"), r.averageDailyIssues)
        assertEquals(BigDecimal("9.3"), r.days)
        assertEquals("window_days", assertThrows<RaktException.InvalidInput> { week.daysOfStock(now, 0) }.field)
    }

    @Test
    fun storageCentreNormAndOwnLevels() {
        val units = (0 until 5).map { rc("AP$it", "A+", 10) } + (0 until 5).map { rc("OP$it", "O+", 10) } +
            (0 until 4).map { rc("BP$it", "B+", 10) } + listOf(rc("ABP0", "AB+", 10), rc("AN0", "A-", 10), rc("ON0", "O-", 10))
        val inv = inventory(*units.toTypedArray())
        val check = inv.storageCentreCheck(now)
        assertFalse(check.met)
        assertEquals(7, check.levels.size)
        assertEquals(
            listOf(listOf("B+", 5, 4, 1), listOf("AB+", 2, 1, 1), listOf("B-", 1, 0, 1)),
            check.gaps.map { listOf(it.group.notation(), it.required, it.onHand, it.missing) },
        )
        assertEquals("inventory.storage_centre_norm", assertThrows<RaktException.PolicyValueMissing> {
            Inventory("X", Policy.us()).storageCentreCheck(now)
        }.path)
        assertThrows<RaktException.PolicyValueMissing> { inv.belowMinimum(now) }
        val own = inv.checkLevels(listOf(StockLevel(parseBloodGroup("O-"), listOf(Component.RED_CELLS), 2)), now)
        assertEquals(listOf(1), own.gaps.map { it.missing })
    }

    @Test
    fun transferChecksTheColdChainWithTheReceiversPolicy() {
        val hub = inventory(rc("A1", "A+", 10), rc("A2", "A+", 11), rc("A3", "A+", 12))
        val bsc = Inventory("BSC-1")
        val left = now
        val arrived = now.plusHours(3)
        val ok = hub.transfer(listOf("A1", "A2"), bsc, left, BigDecimal("2"), BigDecimal("10"), arrived, "driver")
        assertEquals(listOf("A1", "A2"), ok.received)
        assertTrue(ok.discarded.isEmpty())
        assertNull(hub.get("A1"))
        assertEquals(1, hub.len())
        val warm = hub.transfer(listOf("A3"), bsc, left, BigDecimal("4"), BigDecimal("10.1"), arrived, "driver")
        assertEquals(listOf("A3"), warm.discarded)
        val u = bsc.get("A3")!!
        assertEquals(UnitStatus.DISCARDED, u.status())
        assertEquals(listOf("COLD_CHAIN_BREACH"), u.history().last().reasons.map { it.code })
        assertThrows<RaktException.InvalidInput> {
            bsc.transfer(listOf("A1"), bsc, left, BigDecimal("4"), BigDecimal("6"), arrived, "driver")
        }
        assertEquals(listOf("A1"), bsc.discardExpired(t("2026-12-22T23:59:00+05:30"), "tech"))
    }

    @Test
    fun extremeWindowsGiveAnAnswerOrATypedError() {
        // Issue 17: durations sized by the caller or a policy panicked inside chrono.
        val inv = inventory(rc("A1", "A+", 1), rc("A2", "A+", 2))
        assertEquals(listOf("A1", "A2"), inv.expiringWithin(now, Int.MAX_VALUE).map { it.id })
        assertEquals("window_days", assertThrows<RaktException.InvalidInput> { inv.daysOfStock(now, Int.MAX_VALUE) }.field)
        val toml = "name = \"t\"\nextends = \"india\"\n[inventory]\nreservation_hours = 4294967295\n"
        assertEquals("inventory.reservation_hours", assertThrows<RaktException.InvalidPolicy> { Policy.fromToml(toml) }.path)
        assertEquals(2, inv.len().toInt())
    }

    @Test
    fun anInvisibleJustificationIsBlank() {
        // Issue 17: zero-width characters passed for a justification.
        val inv = inventory(rc("A1", "A+", 1))
        val e = assertThrows<RaktException.InvalidInput> {
            inv.emergencyRelease(request("TRAUMA-1", man("A+"), 1), "\u200B\u200B", now, "dr-rao")
        }
        assertEquals("justification", e.field)
        assertTrue(inv.emergencyReleases().isEmpty())
    }
}
