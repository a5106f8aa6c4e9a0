package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.LocalDate
import java.time.OffsetDateTime

/** High-risk pregnancy and blood readiness: the key cases of crates/rakt/tests/maternal_hrp.rs. */
class PregnancyTest {
    private val markers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)
    private val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)
    private val today = LocalDate.of(2026, 11, 23)

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)
    private fun lmpAt(weeks: Long, days: Long = 0) = today.minusDays(weeks * 7 + days)

    /** A released SAGM red-cell unit collected at [at]. */
    private fun rc(din: String, group: String, at: String): BloodUnit {
        var u = BloodUnit.collect(
            Collection(din = din, product = sagm, group = parseBloodGroup(group), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = t(at)),
            "tech",
        )
        val later = t(at).plusHours(2)
        fun ev(kind: EventKind) = UnitEvent(later, "tech", kind)
        u = u.apply(ev(EventKind.Quarantine))
        for (m in markers) u = u.apply(ev(EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev(EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev(EventKind.Release))
    }

    @Test
    fun preEclampsiaIsFlaggedAndReferredToL3() {
        val a = assessPregnancy(
            AncRecord(lmp = lmpAt(34), bp = BloodPressure(150, 100), bpRepeat = BloodPressure(148, 96),
                urineProtein = UrineProtein.PLUS2, hbGDl = BigDecimal("10.5")),
            today,
        )
        assertEquals(RiskLevel.HIGH, a.riskLevel)
        assertEquals(listOf("PRE_ECLAMPSIA"), a.codes())
        val f = a.flags[0]
        assertEquals(FlagSeverity.HIGH_RISK, f.severity)
        assertEquals(FlagCategory.HYPERTENSION, f.category)
        assertEquals(mapOf("bp" to "150/100; 148/96", "protein" to "++"), f.facts)
        assertEquals("Pre-eclampsia: blood pressure 150/100; 148/96 with urine protein ++.", f.message("en"))
        assertEquals("प्री-एक्लेम्पसिया: रक्तचाप 150/100; 148/96 और पेशाब में प्रोटीन ++।", f.message("hi"))
        assertEquals(HypertensionClass.PRE_ECLAMPSIA, a.hypertension)
        assertEquals(AnaemiaGrade.MILD, a.anaemia)
        assertEquals(GestationalAge(34, 0), a.gestationalAge)
        assertEquals(CareLevel.L3, a.referral.level)
        assertEquals(Urgency.PLANNED, a.referral.urgency)
        assertEquals(BloodActionKind.NONE, a.bloodPlan.action)
    }

    @Test
    fun severeAnaemiaBoundaryDiffersByProfile() {
        val r = AncRecord(hbGDl = BigDecimal("7.0"))
        assertEquals(listOf("SEVERE_ANAEMIA"), assessPregnancy(r, today).codes())
        val flw = assessPregnancy(r, today, Policy.builtin("india_flw"))
        assertEquals(emptyList<String>(), flw.codes())
        assertEquals(AnaemiaGrade.MODERATE, flw.anaemia)
        val openchs = assessPregnancy(AncRecord(ageYears = 31, heightCm = BigDecimal(145)), today, Policy.builtin("india_openchs"))
        assertEquals(listOf("OLD_AGE", "SHORT_STATURE"), openchs.codes())
    }

    @Test
    fun eclampsiaIsAnEmergencyAndBadRecordsAreRefusedByField() {
        val a = assessPregnancy(
            AncRecord(lmp = lmpAt(36), bp = BloodPressure(160, 110), dangerSigns = listOf(DangerSign.CONVULSING)),
            today,
        )
        assertEquals(RiskLevel.EMERGENCY, a.riskLevel)
        assertEquals(listOf("ECLAMPSIA"), a.codes())
        assertEquals(Urgency.EMERGENCY, a.referral.urgency)
        val e = assertThrows<RaktException.InvalidInput> { assessPregnancy(AncRecord(gravida = 2, parity = 2), today) }
        assertEquals("parity", e.field)
        val neg = assertThrows<RaktException.InvalidInput> { assessPregnancy(AncRecord(ageYears = -1), today) }
        assertEquals("age_years", neg.field)
    }

    /** Varied records at [today]: the last two are refused (by the core, and by the binding). */
    private fun variedRecords() = listOf(
        AncRecord(lmp = lmpAt(34), bp = BloodPressure(150, 100), bpRepeat = BloodPressure(148, 96),
            urineProtein = UrineProtein.PLUS2, hbGDl = BigDecimal("10.5")),
        AncRecord(lmp = lmpAt(36), bp = BloodPressure(160, 110), dangerSigns = listOf(DangerSign.CONVULSING)),
        AncRecord(id = "MCTS-42", ageYears = 29, bloodGroup = parseBloodGroup("B-"),
            conditions = listOf(KnownCondition.PLACENTA_PRAEVIA), edd = LocalDate.of(2026, 12, 1)),
        AncRecord(ageYears = 17, dangerSigns = listOf(DangerSign.FEVER, DangerSign.SEVERE_HEADACHE),
            conditions = listOf(KnownCondition.HEART_DISEASE, KnownCondition.EPILEPSY)),
        AncRecord(),
        AncRecord(hbGDl = BigDecimal("7.0"), lmp = lmpAt(43)),
        AncRecord(gravida = 2, parity = 2),
        AncRecord(ageYears = -1),
    )

    @Test
    fun aDecisionIsTheAssessmentWithoutItsExplanation() {
        for (policy in listOf(null, Policy.builtin("india_flw"), Policy.uk())) {
            var refused = 0
            for (r in variedRecords()) {
                val a = try {
                    assessPregnancy(r, today, policy)
                } catch (e: RaktException) {
                    refused++
                    val d = assertThrows<RaktException> { decidePregnancy(r, today, policy) }
                    assertEquals(e::class, d::class)
                    assertEquals(e.message, d.message)
                    assertEquals(e.toString(), d.toString())
                    continue
                }
                val d = decidePregnancy(r, today, policy)
                assertEquals(a.decision(), d)
                assertEquals(a.riskLevel, d.riskLevel)
                assertEquals(a.codes(), d.codes)
                assertEquals(a.gestationalAge, d.gestationalAge)
                assertEquals(a.edd, d.edd)
                assertEquals(a.hypertension, d.hypertension)
                assertEquals(a.anaemia, d.anaemia)
                assertEquals(a.gdm, d.gdm)
                assertEquals(a.referral.level, d.referralLevel)
                assertEquals(a.referral.urgency, d.referralUrgency)
                assertEquals(a.bloodPlan.tier, d.bloodTier)
                assertEquals(a.bloodPlan.action, d.bloodAction)
                assertEquals(a.bloodPlan.units, d.bloodUnits)
                assertEquals(a.bloodPlan.timing, d.bloodTiming)
                assertEquals(a.notAssessed, d.notAssessed)
            }
            assertEquals(2, refused)
        }
    }

    @Test
    fun aDecisionHasExactValues() {
        val decided = variedRecords().take(6).map { decidePregnancy(it, today) }
        val (pe, ec, pp, many, nothing) = decided
        val post = decided[5]
        assertEquals(RiskLevel.HIGH, pe.riskLevel)
        assertEquals(listOf("PRE_ECLAMPSIA"), pe.codes)
        assertEquals(GestationalAge(34, 0), pe.gestationalAge)
        assertEquals(HypertensionClass.PRE_ECLAMPSIA, pe.hypertension)
        assertEquals(AnaemiaGrade.MILD, pe.anaemia)
        assertEquals(CareLevel.L3, pe.referralLevel)
        assertEquals(Urgency.PLANNED, pe.referralUrgency)
        assertEquals(BloodActionKind.NONE, pe.bloodAction)
        assertEquals(0, pe.bloodUnits)

        assertEquals(RiskLevel.EMERGENCY, ec.riskLevel)
        assertEquals(listOf("ECLAMPSIA"), ec.codes)
        assertEquals(Urgency.EMERGENCY, ec.referralUrgency)

        assertEquals(listOf("PLACENTA_PRAEVIA", "RH_NEGATIVE"), pp.codes)
        assertEquals(LocalDate.of(2026, 12, 1), pp.edd)
        assertEquals(BloodRiskTier.HIGH, pp.bloodTier)
        assertEquals(BloodActionKind.CROSSMATCH, pp.bloodAction)
        assertEquals(2, pp.bloodUnits)
        assertEquals(PlanTiming.ON_ADMISSION, pp.bloodTiming)

        // a code once per flag: one DANGER_SIGN per sign, one MEDICAL_CONDITION per condition
        assertEquals(listOf("DANGER_SIGN", "DANGER_SIGN", "YOUNG_AGE", "MEDICAL_CONDITION", "MEDICAL_CONDITION"), many.codes)
        assertEquals(RiskLevel.EMERGENCY, many.riskLevel)

        assertEquals(RiskLevel.LOW, nothing.riskLevel)
        assertEquals(listOf<String>(), nothing.codes)
        assertEquals("age_years", nothing.notAssessed.first())
        assertTrue("lmp_or_edd" in nothing.notAssessed)
        assertEquals(null, nothing.gestationalAge)

        assertEquals(listOf("POST_TERM", "SEVERE_ANAEMIA"), post.codes)
        assertEquals(AnaemiaGrade.SEVERE, post.anaemia)

        val e = assertThrows<RaktException.InvalidInput> { decidePregnancy(AncRecord(gravida = 2, parity = 2), today) }
        assertEquals("parity", e.field)
        val neg = assertThrows<RaktException.InvalidInput> { decidePregnancy(AncRecord(ageYears = -1), today) }
        assertEquals("age_years", neg.field)
        assertEquals("-1 is negative", neg.reason)
    }

    @Test
    fun bloodReadinessNamesTheUnitsTheGapAndWhereToGetThem() {
        val asOf = t("2026-11-23T10:00:00+05:30")
        val due = LocalDate.of(2026, 12, 1)
        val fru = Inventory("FRU Barabanki")
        fru.add(rc("A0000 26 100001", "B-", "2026-10-20T09:00:00+05:30"))
        fru.add(rc("A0000 26 100002", "B-", "2026-10-21T09:00:00+05:30"))
        fru.add(rc("A0000 26 100003", "B+", "2026-11-08T09:00:00+05:30"))
        val dh = Inventory("DH Lucknow")
        dh.add(rc("A0000 26 200001", "O-", "2026-11-12T09:00:00+05:30"))
        dh.add(rc("A0000 26 200002", "B-", "2026-11-10T09:00:00+05:30"))
        val record = AncRecord(id = "MCTS-42", ageYears = 29, bloodGroup = parseBloodGroup("B-"),
            conditions = listOf(KnownCondition.PLACENTA_PRAEVIA), edd = due)
        val a = assessPregnancy(record, asOf.toLocalDate())
        assertEquals(listOf("PLACENTA_PRAEVIA", "RH_NEGATIVE"), a.codes())
        assertEquals(BloodRiskTier.HIGH, a.bloodPlan.tier)
        assertEquals(BloodActionKind.CROSSMATCH, a.bloodPlan.action)
        assertEquals(2, a.bloodPlan.units)
        assertEquals(listOf(BloodRiskFactor.PLACENTA_PRAEVIA), a.bloodPlan.factors)

        val r = bloodReadiness(motherFromRecord(record), a.bloodPlan, fru, due, asOf, listOf(dh, fru))
        assertEquals(2, r.required)
        assertEquals(t("2026-12-02T00:00:00+05:30"), r.neededBy)
        assertEquals(listOf("A0000 26 100002"), r.unitIds())
        assertEquals(1, r.missing)
        assertFalse(r.ready)
        val short = r.shortfall.associate { it.group.notation() to it.reasons }
        assertEquals(listOf("ALL_TAKEN", "EXPIRES_BEFORE_NEEDED"), short["B-"])
        assertEquals(listOf("INCOMPATIBLE"), short["B+"])
        assertEquals(listOf("DH Lucknow"), r.nearby.map { it.facility })
        assertEquals(listOf("A0000 26 200002"), r.nearby[0].units.map { it.id })
        assertEquals(0, r.uncovered)
        assertNotNull(r.suggestedReservation)
        val s = r.suggestedReservation!!
        assertEquals("MCTS-42", s.patient)
        assertEquals(1, s.quantity)
        assertEquals(r.neededBy, s.holdUntil)
        assertEquals(listOf("A0000 26 100002"), fru.reserve(s, asOf, "nurse").ids())
    }

    @Test
    fun aPlanWithoutCrossmatchIsReady() {
        val plan = bloodPlanCrossmatch(3)
        val empty = Inventory("PHC")
        val r = bloodReadiness(Mother(id = "M-1", bloodGroup = parseBloodGroup("AB+")), plan, empty, today, t("2026-11-23T10:00:00+05:30"))
        assertEquals(listOf(3, 3, 3), listOf(r.required, r.missing, r.uncovered))
        val none = bloodReadiness(Mother(id = "M-1"), plan.copy(action = BloodActionKind.GROUP_AND_SCREEN, units = 0), empty,
            today, t("2026-11-23T10:00:00+05:30"))
        assertTrue(none.ready)
        assertEquals(0, none.required)
    }
}
