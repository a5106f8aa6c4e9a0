package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.OffsetDateTime

/** Blood-bank KPIs (research/blood.md §8) over real unit histories, with exact values. */
class KpiTest {
    private val t0 = OffsetDateTime.parse("2026-11-01T09:00:00+05:30")
    private val from = OffsetDateTime.parse("2026-11-01T00:00:00+05:30")
    private val to = OffsetDateTime.parse("2026-12-01T00:00:00+05:30")
    private val markers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)

    private fun h(hours: Long): OffsetDateTime = t0.plusHours(hours)
    private fun ev(hours: Long, kind: EventKind) = UnitEvent(h(hours), "tech", kind)

    private fun released(din: String, product: Product = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)): BloodUnit {
        var u = BloodUnit.collect(
            Collection(din = din, product = product, group = parseBloodGroup("O+"), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = t0),
            "tech",
        )
        u = u.apply(ev(1, EventKind.Quarantine))
        for (m in markers) u = u.apply(ev(2, EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev(3, EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev(4, EventKind.Release))
    }

    private fun crossmatched(din: String, patient: String) =
        released(din).apply(ev(10, EventKind.Crossmatch(patient, h(34))))

    private fun transfused(din: String, patient: String) =
        crossmatched(din, patient).apply(ev(11, EventKind.Issue(patient))).apply(ev(12, EventKind.Transfuse))

    private fun hospital(crossmatched: Int, transfusedN: Int) = (0 until crossmatched).map {
        FacilityUnit("BC-1",
            if (it < transfusedN) transfused("H$it", "P$it")
            else crossmatched("H$it", "P$it").apply(ev(30, EventKind.CancelReservation)))
    }

    @Test
    fun threeHospitalsOfClinLabHaematol1983() {
        val strict = Policy.fromToml("name = \"audit\"\nextends = \"india\"\n[kpi]\nct_ratio_max = \"2.0\"\n")
        for ((n, value, met25, met20) in listOf(
            listOf(26, "1.30", true, true), listOf(40, "2.00", true, true), listOf(43, "2.15", true, false),
        )) {
            val units = hospital(n as Int, 20)
            val ct = kpis(units, from, to).facilities.single().kpis.ctRatio
            assertEquals(KpiCode.CT_RATIO, ct.code)
            assertEquals(n to 20, ct.numerator to ct.denominator)
            assertEquals(BigDecimal(value as String), ct.value)
            assertEquals(met25, ct.met)
            val target = ct.target!!
            assertEquals(KpiComparison.AT_MOST, target.comparison)
            assertEquals(BigDecimal("2.5"), target.value)
            assertEquals("kpi.ct_ratio_max", target.path)
            assertEquals(Confidence.MEDIUM, target.source!!.confidence)
            assertEquals(met20, kpis(units, from, to, strict).facilities.single().kpis.ctRatio.met)
        }
    }

    @Test
    fun boundariesAreExact() {
        val ct = kpis(hospital(313, 125), from, to).facilities.single().kpis.ctRatio
        assertEquals(BigDecimal("2.50") to false, ct.value to ct.met)
        val k = kpis(hospital(10, 3), from, to).facilities.single().kpis
        assertEquals(BigDecimal("30.00") to true, k.transfusionProbability.value to k.transfusionProbability.met)
        assertEquals(BigDecimal("0.30") to false, k.transfusionIndex.value to k.transfusionIndex.met)
        val ti = kpis(hospital(2, 1), from, to).facilities.single().kpis.transfusionIndex
        assertEquals(BigDecimal("0.50") to true, ti.value to ti.met)
        assertEquals(KpiComparison.AT_LEAST, ti.target!!.comparison)
    }

    @Test
    fun periodReturnsDiscardsAndComponents() {
        val units = listOf(FacilityUnit("BC-1", transfused("A", "P1")))
        val out = kpis(units, h(10), h(12)).facilities.single().kpis.ctRatio
        assertEquals(Triple(1, 0, null), Triple(out.numerator, out.denominator, out.value))
        assertEquals("no units were transfused in the period", out.why)
        assertNull(out.met)

        val late = released("B").apply(ev(10, EventKind.Issue("P2")))
            .apply(ev(11, EventKind.Return(minutesOutOfStorage = 45)))
        val plt = released("C", Product(Component.PLATELETS, null, PlateletSource.RANDOM_DONOR))
            .apply(ev(20, EventKind.Discard(DiscardReason.Leakage)))
        val f = kpis(units + listOf(FacilityUnit("BC-1", late), FacilityUnit("BC-1", plt)), from, to).facilities.single()
        assertEquals(Triple(2, 2, BigDecimal("100.00")), Triple(f.kpis.wapi.numerator, f.kpis.wapi.denominator, f.kpis.wapi.value))
        assertNull(f.kpis.wapi.target)
        assertEquals(BigDecimal("66.67"), f.kpis.discardRate.value)
        assertEquals(listOf("leakage" to 1, "returned_too_late" to 1), f.kpis.discardReasons.map { it.reason to it.kpi.numerator })
        assertEquals(listOf(Component.RED_CELLS, Component.PLATELETS), f.components.map { it.component })
    }

    @Test
    fun facilitiesDuplicatesAndBadInput() {
        val a = transfused("A", "P1")
        val r = kpis(listOf(FacilityUnit("BC-2", a), FacilityUnit("BC-1", released("B")), FacilityUnit("BC-2", a)), from, to)
        assertEquals(listOf("BC-1", "BC-2"), r.facilities.map { it.facility })
        assertEquals("india", r.policy)
        assertEquals(from, r.periodFrom)
        assertEquals(listOf("A" to "DUPLICATE_UNIT"), r.facilities[1].skipped.map { it.unit to it.code })
        assertEquals("facility", assertThrows<RaktException.InvalidInput> { kpis(listOf(FacilityUnit(" ", a)), from, to) }.field)
        assertEquals("period", assertThrows<RaktException.InvalidInput> { kpis(emptyList(), to, from) }.field)
    }
}
