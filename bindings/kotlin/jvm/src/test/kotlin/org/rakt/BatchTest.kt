package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import kotlin.random.Random

/**
 * The batch functions (`assessPregnancies`, `decidePregnancies`, `earlyWarnings`,
 * `decideEarlyWarnings`, `robsonGroups`, `assessDonors`, `decideDonors`, `compatibilities`, `decideCompatibilities`,
 * `computeExpiries`): for a few hundred generated inputs, bad rows included,
 * every row equals the per-record call (the same value, or the same exception); exact answers on
 * hand-built rows; empty lists; a bad `asOf` fails the whole call.
 */
class BatchTest {
    private val today = LocalDate.of(2026, 11, 23)

    /** java.time holds it, rakt (chrono, ±262,142 years) refuses it: a date that cannot be read. */
    private val unreadable = LocalDate.of(300_000, 1, 1)

    private val n = 300

    private val groups = listOf("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-", "Oh", "A2B+").map { parseBloodGroup(it) }

    /** An A subgroup on group O: built in Kotlin, refused by the core when used. */
    private val bogusGroup = BloodGroup(Abo.O, RhD.POSITIVE, aSubgroup = ASubgroup.A2)

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)

    /** A refusal as the test compares it: the exception's class, `message` and `toString()`. */
    private data class Refused(val kind: String, val message: String?, val text: String) {
        constructor(e: RaktException) : this(e::class.java.name, e.message, e.toString())
    }

    /** What a per-record call gives: its value, or its exception as a [Refused]. */
    private fun single(call: () -> Any): Any = try {
        call()
    } catch (e: RaktException) {
        Refused(e)
    }

    /** Assert the batch rows (as value or [Refused]) equal the per-record calls, index by index. */
    private fun assertSameAsSingle(name: String, expected: List<Any>, rows: List<Any>) {
        assertEquals(expected.size, rows.size, "$name: one row per input")
        for (i in expected.indices) assertEquals(expected[i], rows[i], "$name row $i")
        val refused = rows.count { it is Refused }
        assertTrue(refused > 0, "$name: the generated inputs must include bad rows")
        assertTrue(refused < rows.size, "$name: the generated inputs must include good rows")
    }

    private fun <T> Random.maybe(value: () -> T): T? = if (nextInt(4) == 0) null else value()
    private fun <T> Random.some(all: List<T>, upTo: Int = 2): List<T> = List(nextInt(upTo + 1)) { all.random(this) }.distinct()
    private fun Random.decimal(lo: Int, hi: Int, scale: Int = 1) = BigDecimal.valueOf(nextInt(lo, hi).toLong(), scale)

    // ---- assessPregnancies ------------------------------------------------------------------

    private fun ancRecord(r: Random, i: Int): AncRecord {
        val gravida = r.nextInt(1, 7)
        val parity = r.nextInt(0, gravida)
        val systolic = r.nextInt(90, 175)
        val diastolic = r.nextInt(50, minOf(120, systolic - 5))
        val bp = r.maybe { BloodPressure(systolic, diastolic) }
        val record = AncRecord(
            id = "ANC-$i",
            ageYears = r.maybe { r.nextInt(15, 46) },
            heightCm = r.maybe { r.decimal(1380, 1750) },
            gravida = gravida,
            parity = parity,
            previousCaesareans = r.maybe { r.nextInt(0, parity + 1) },
            lmp = r.maybe { today.minusDays(r.nextLong(20, 300)) },
            fetuses = r.maybe { if (r.nextInt(20) == 0) 2 else 1 },
            presentation = r.maybe { Presentation.entries.random(r) },
            hbGDl = r.maybe { r.decimal(55, 140) },
            bp = bp,
            bpRepeat = if (bp != null && r.nextBoolean()) BloodPressure(systolic - r.nextInt(0, 6), diastolic - r.nextInt(0, 6)) else null,
            urineProtein = r.maybe { UrineProtein.entries.random(r) },
            bloodGroup = r.maybe { groups.random(r) },
            conditions = if (r.nextInt(5) == 0) r.some(KnownCondition.entries) else listOf(),
            dangerSigns = if (r.nextInt(10) == 0) r.some(DangerSign.entries, 1) else listOf(),
            vaginalBleeding = r.nextInt(15) == 0,
        )
        return when (i % 10) {
            3 -> record.copy(ageYears = -1)                                     // a negative count (binding)
            5 -> record.copy(lmp = today.plusDays(r.nextLong(1, 30)), edd = null) // a future LMP (core)
            7 -> record.copy(edd = unreadable)                                  // a date rakt cannot hold
            9 -> record.copy(parity = gravida)                                  // parity must be below gravida
            else -> record
        }
    }

    private fun rows(rows: List<PregnancyRow>) = rows.map {
        when (it) {
            is PregnancyRow.Ok -> it.value
            is PregnancyRow.Err -> Refused(it.error)
        }
    }

    @Test
    fun assessPregnanciesEqualsAssessPregnancyRowByRow() {
        val r = Random(7)
        val records = List(n) { ancRecord(r, it) }
        for (policy in listOf(null, Policy.builtin("india_flw"))) {
            val expected = records.map { single { assessPregnancy(it, today, policy) } }
            assertSameAsSingle("assessPregnancies($policy)", expected, rows(assessPregnancies(records, today, policy)))
        }
    }

    @Test
    fun decidePregnanciesEqualsDecidePregnancyRowByRow() {
        val r = Random(7)
        val records = List(n) { ancRecord(r, it) }
        for (policy in listOf(null, Policy.builtin("india_flw"))) {
            val expected = records.map { single { decidePregnancy(it, today, policy) } }
            val decided = decidePregnancies(records, today, policy).map {
                when (it) {
                    is PregnancyDecisionRow.Ok -> it.value
                    is PregnancyDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decidePregnancies($policy)", expected, decided)
            // each decided row is the assessment without its explanation; each refused row is
            // refused as assessPregnancies refuses it
            val assessed = rows(assessPregnancies(records, today, policy))
            for (i in decided.indices) {
                val a = assessed[i]
                assertEquals(if (a is PregnancyAssessment) a.decision() else a, decided[i], "decidePregnancies($policy) row $i")
            }
        }
    }

    @Test
    fun decidePregnanciesExactRows() {
        val rows = decidePregnancies(
            listOf(AncRecord(id = "a", hbGDl = BigDecimal("7.0")), AncRecord(id = "b", ageYears = -1), AncRecord(id = "c", hbGDl = BigDecimal("7.1"))),
            today,
        )
        assertEquals(3, rows.size)
        val a = (rows[0] as PregnancyDecisionRow.Ok).value
        assertEquals(listOf("SEVERE_ANAEMIA"), a.codes)
        assertEquals(RiskLevel.HIGH, a.riskLevel)
        assertEquals(AnaemiaGrade.SEVERE, a.anaemia)
        val e = (rows[1] as PregnancyDecisionRow.Err).error as RaktException.InvalidInput
        assertEquals("age_years", e.field)
        assertEquals("-1 is negative", e.reason)
        assertEquals(listOf<String>(), (rows[2] as PregnancyDecisionRow.Ok).value.codes)
        val flw = decidePregnancies(listOf(AncRecord(hbGDl = BigDecimal("7.0"))), today, Policy.builtin("india_flw"))
        assertEquals(AnaemiaGrade.MODERATE, (flw.single() as PregnancyDecisionRow.Ok).value.anaemia)
    }

    @Test
    fun assessPregnanciesExactRows() {
        val rows = assessPregnancies(
            listOf(AncRecord(id = "a", hbGDl = BigDecimal("7.0")), AncRecord(id = "b", ageYears = -1), AncRecord(id = "c", hbGDl = BigDecimal("7.1"))),
            today,
        )
        assertEquals(3, rows.size)
        val a = (rows[0] as PregnancyRow.Ok).value
        assertEquals("a", a.id)
        assertEquals(listOf("SEVERE_ANAEMIA"), a.codes())
        val e = (rows[1] as PregnancyRow.Err).error
        assertTrue(e is RaktException.InvalidInput)
        assertEquals("age_years", (e as RaktException.InvalidInput).field)
        assertEquals("-1 is negative", e.reason)
        assertEquals(listOf<String>(), (rows[2] as PregnancyRow.Ok).value.codes())
        // the policy applies to every row: 7.0 is moderate anaemia in the FLW profile
        val flw = assessPregnancies(listOf(AncRecord(hbGDl = BigDecimal("7.0"))), today, Policy.builtin("india_flw"))
        assertEquals(AnaemiaGrade.MODERATE, (flw.single() as PregnancyRow.Ok).value.anaemia)
    }

    @Test
    fun aBadAsOfFailsTheWholeCall() {
        val good = listOf(AncRecord(hbGDl = BigDecimal("11.0")))
        val e = assertThrows<RaktException.InvalidInput> { assessPregnancies(good, unreadable) }
        assertEquals("as_of", e.field)
        // the same refusal as the per-record call, and also for an empty list: nothing is half-done
        val one = assertThrows<RaktException.InvalidInput> { assessPregnancy(good[0], unreadable) }
        assertEquals(one.toString(), e.toString())
        assertThrows<RaktException.InvalidInput> { assessPregnancies(listOf(), unreadable) }
        val decided = assertThrows<RaktException.InvalidInput> { decidePregnancies(good, unreadable) }
        assertEquals(e.toString(), decided.toString())
        assertThrows<RaktException.InvalidInput> { decidePregnancies(listOf(), unreadable) }

        val request = DonorRequest(Donor(LocalDate.of(1990, 1, 1), Sex.MALE), checks(), DonationKind.WHOLE_BLOOD_450)
        val d = assertThrows<RaktException.InvalidInput> { assessDonors(listOf(request), unreadable) }
        assertEquals("as_of", d.field)
        assertThrows<RaktException.InvalidInput> { assessDonors(listOf(), unreadable) }
    }

    @Test
    fun emptyListsGiveEmptyLists() {
        assertEquals(listOf<PregnancyRow>(), assessPregnancies(listOf(), today))
        assertEquals(listOf<PregnancyDecisionRow>(), decidePregnancies(listOf(), today))
        assertEquals(listOf<EarlyWarningRow>(), earlyWarnings(listOf()))
        assertEquals(listOf<WarningDecisionRow>(), decideEarlyWarnings(listOf()))
        assertEquals(listOf<RobsonRow>(), robsonGroups(listOf(), Policy.india()))
        assertEquals(listOf<DonorRow>(), assessDonors(listOf(), today))
        assertEquals(listOf<CompatibilityRow>(), compatibilities(listOf()))
        assertEquals(listOf<CompatibilityDecisionRow>(), decideCompatibilities(listOf()))
        assertEquals(listOf<ExpiryRow>(), computeExpiries(listOf(), Policy.us()))
    }

    // ---- earlyWarnings ----------------------------------------------------------------------

    private fun vitals(r: Random, i: Int): Vitals {
        val v = Vitals(
            respiratoryRate = r.maybe { r.nextInt(8, 35) },
            spo2 = r.maybe { r.nextInt(85, 101) },
            temperatureC = r.maybe { r.decimal(345, 400) },
            systolicBp = r.maybe { r.nextInt(70, 180) },
            diastolicBp = r.maybe { r.nextInt(40, 115) },
            heartRate = r.maybe { r.nextInt(40, 150) },
            consciousness = r.maybe { Avpu.entries.random(r) },
        )
        return when (i % 10) {
            4 -> v.copy(heartRate = -r.nextInt(1, 100))                  // negative
            8 -> v.copy(temperatureC = BigDecimal("1E+40"))              // beyond rust_decimal
            else -> v
        }
    }

    @Test
    fun earlyWarningsEqualsEarlyWarningRowByRow() {
        val r = Random(7)
        val inputs = List(n) { vitals(r, it) }
        for (policy in listOf(null, Policy.builtin("india_meows_score"))) {
            val expected = inputs.map { single { earlyWarning(it, policy) } }
            val rows = earlyWarnings(inputs, policy).map {
                when (it) {
                    is EarlyWarningRow.Ok -> it.value
                    is EarlyWarningRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("earlyWarnings($policy)", expected, rows)
        }
        val exact = earlyWarnings(listOf(Vitals(spo2 = 94), Vitals(spo2 = -1), Vitals(heartRate = 101, respiratoryRate = 21)))
        assertEquals(WarningBand.RED, (exact[0] as EarlyWarningRow.Ok).value.level)
        assertEquals("spo2", ((exact[1] as EarlyWarningRow.Err).error as RaktException.InvalidInput).field)
        val two = (exact[2] as EarlyWarningRow.Ok).value
        assertTrue(two.triggered)
        assertEquals(WarningBand.YELLOW, two.level)
    }

    @Test
    fun decideEarlyWarningsEqualsDecideEarlyWarningRowByRow() {
        val r = Random(7)
        val inputs = List(n) { vitals(r, it) }
        for (policy in listOf(null, Policy.builtin("india_meows_score"))) {
            val expected = inputs.map { single { decideEarlyWarning(it, policy) } }
            val rows = decideEarlyWarnings(inputs, policy).map {
                when (it) {
                    is WarningDecisionRow.Ok -> it.value
                    is WarningDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decideEarlyWarnings($policy)", expected, rows)
            val charts = earlyWarnings(inputs, policy).map {
                when (it) {
                    is EarlyWarningRow.Ok -> it.value.decision()
                    is EarlyWarningRow.Err -> Refused(it.error)
                }
            }
            assertEquals(charts, rows, "decideEarlyWarnings($policy) against earlyWarnings")
        }
        val exact = decideEarlyWarnings(listOf(Vitals(spo2 = 94), Vitals(spo2 = -1), Vitals(heartRate = 101, respiratoryRate = 21)))
        val red = (exact[0] as WarningDecisionRow.Ok).value
        assertEquals(WarningBand.RED, red.level)
        assertEquals(WarningBand.RED, red.band(VitalSign.SPO2))
        assertEquals("spo2", ((exact[1] as WarningDecisionRow.Err).error as RaktException.InvalidInput).field)
        val two = (exact[2] as WarningDecisionRow.Ok).value
        assertTrue(two.triggered)
        assertEquals(WarningBand.YELLOW, two.level)
        assertEquals(2, two.yellows)
    }

    // ---- robsonGroups -----------------------------------------------------------------------

    private fun robson(r: Random, i: Int): RobsonInput {
        val parity = r.maybe { r.nextInt(0, 5) }
        val input = RobsonInput(
            parity = parity,
            previousCaesareans = r.maybe { r.nextInt(0, (parity ?: 2) + 1) },
            onset = r.maybe { LabourOnset.entries.random(r) },
            fetuses = r.maybe { if (r.nextInt(15) == 0) 2 else 1 },
            presentation = r.maybe { Presentation.entries.random(r) },
            gestationWeeks = r.maybe { r.nextInt(28, 43) },
        )
        return when (i % 10) {
            2 -> input.copy(parity = -1)                                  // negative
            6 -> input.copy(parity = 0, previousCaesareans = 1)           // a caesarean without a birth
            else -> input
        }
    }

    @Test
    fun robsonGroupsEqualsRobsonGroupRowByRow() {
        val r = Random(7)
        val inputs = List(n) { robson(r, it) }
        val expected = inputs.map { single { robsonGroup(it) } }
        val rows = robsonGroups(inputs).map {
            when (it) {
                is RobsonRow.Ok -> it.value
                is RobsonRow.Err -> Refused(it.error)
            }
        }
        assertSameAsSingle("robsonGroups", expected, rows)
        val term = RobsonInput(parity = 0, previousCaesareans = 0, onset = LabourOnset.SPONTANEOUS, fetuses = 1,
            presentation = Presentation.CEPHALIC, gestationWeeks = 39)
        assertEquals(
            listOf<RobsonRow>(
                RobsonRow.Ok(RobsonResult.Group("1")),
                RobsonRow.Ok(RobsonResult.Unclassified(listOf("parity"))),
                RobsonRow.Ok(RobsonResult.Group("8")),
            ),
            robsonGroups(listOf(term, RobsonInput(fetuses = 1, presentation = Presentation.BREECH), RobsonInput(fetuses = 2))),
        )
    }

    // ---- assessDonors -----------------------------------------------------------------------

    private fun checks() = DonorChecks(weightKg = BigDecimal("70"), hbGDl = BigDecimal("14.1"), systolicMmhg = 120,
        diastolicMmhg = 80, pulseBpm = 72, temperatureC = BigDecimal("36.8"))

    private fun donorRequest(r: Random, i: Int): DonorRequest {
        val sex = Sex.entries.random(r)
        val donor = Donor(
            dateOfBirth = today.minusYears(r.nextLong(15, 70)).minusDays(r.nextLong(0, 365)),
            sex = sex,
            previousDonations = if (r.nextInt(3) == 0) {
                listOf(PreviousDonation(today.minusDays(r.nextLong(1, 400)), DonationKind.entries.random(r)))
            } else {
                listOf()
            },
            deferralEvents = if (r.nextInt(5) == 0) {
                listOf(DeferralEvent(DeferralKind.entries.filter { it != DeferralKind.TTI_REACTIVE }.random(r), today.minusDays(r.nextLong(1, 900))))
            } else {
                listOf()
            },
            conditions = if (r.nextInt(10) == 0) listOf(Condition.entries.random(r)) else listOf(),
            id = "D-$i",
        )
        val checks = DonorChecks(
            weightKg = r.decimal(400, 950),
            hbGDl = r.decimal(100, 175),
            systolicMmhg = r.nextInt(90, 175),
            diastolicMmhg = r.nextInt(50, 105),
            pulseBpm = r.nextInt(45, 110),
            temperatureC = r.decimal(360, 380),
            states = if (sex == Sex.FEMALE && r.nextInt(8) == 0) listOf(DonorState.entries.random(r)) else listOf(),
        )
        val request = DonorRequest(donor, checks, DonationKind.entries.random(r))
        return when (i % 10) {
            1 -> request.copy(checks = checks.copy(hbGDl = BigDecimal("-0.1")))             // negative measurement
            3 -> request.copy(donor = donor.copy(dateOfBirth = today.plusDays(1)))            // born after asOf
            5 -> request.copy(donor = donor.copy(previousDonations = listOf(PreviousDonation(today.plusDays(3), DonationKind.WHOLE_BLOOD_350))))
            7 -> request.copy(donor = donor.copy(deferralEvents = listOf(DeferralEvent(DeferralKind.TTI_REACTIVE, today.minusDays(5)))))
            9 -> request.copy(checks = checks.copy(pulseBpm = -72))                          // negative count
            else -> request
        }
    }

    @Test
    fun assessDonorsEqualsAssessDonorRowByRow() {
        val r = Random(7)
        val requests = List(n) { donorRequest(r, it) }
        for (policy in listOf(null, Policy.uk())) {
            val expected = requests.map { single { assessDonor(it.donor, it.checks, it.kind, today, policy) } }
            val rows = assessDonors(requests, today, policy).map {
                when (it) {
                    is DonorRow.Ok -> it.value
                    is DonorRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("assessDonors($policy)", expected, rows)
        }
    }

    @Test
    fun decideDonorIsAssessDonorWithoutItsExplanation() {
        val r = Random(17)
        val requests = List(n) { donorRequest(r, it) }
        for (policy in listOf(null, Policy.uk())) {
            val expected = requests.map { req ->
                when (val v = single { assessDonor(req.donor, req.checks, req.kind, today, policy) }) {
                    is DonorAssessment -> v.decision()
                    else -> v
                }
            }
            val decisions = requests.map { single { decideDonor(it.donor, it.checks, it.kind, today, policy) } }
            assertSameAsSingle("decideDonor($policy)", expected, decisions)
            val rows = decideDonors(requests, today, policy).map {
                when (it) {
                    is DonorDecisionRow.Ok -> it.value
                    is DonorDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decideDonors($policy)", decisions, rows)
            assertTrue(rows.any { it is Refused } && rows.any { it is DonorDecision })
        }
        // Hb exactly at India's limit of 12.5 g/dL is eligible; 12.4 is not.
        val woman = Donor(LocalDate.of(1990, 5, 17), Sex.FEMALE)
        val at = LocalDate.of(2026, 3, 1)
        val ok = decideDonor(woman, checks().copy(weightKg = BigDecimal("52"), hbGDl = BigDecimal("12.5")), DonationKind.WHOLE_BLOOD_350, at)
        assertEquals(DonorDecision(true, false, null, false, at, listOf("DONOR_ELIGIBLE"), DonationKind.WHOLE_BLOOD_350, at), ok)
        val low = decideDonor(woman, checks().copy(weightKg = BigDecimal("52"), hbGDl = BigDecimal("12.4")), DonationKind.WHOLE_BLOOD_350, at)
        assertFalse(low.eligible)
        assertEquals(listOf("DONOR_HB_BELOW_MIN"), low.codes)
    }

    @Test
    fun assessDonorsExactRows() {
        val donor = Donor(LocalDate.of(1990, 5, 17), Sex.MALE,
            previousDonations = listOf(PreviousDonation(LocalDate.of(2026, 1, 10), DonationKind.WHOLE_BLOOD_450)))
        val rows = assessDonors(
            listOf(
                DonorRequest(donor, checks(), DonationKind.WHOLE_BLOOD_450),
                DonorRequest(donor, checks().copy(hbGDl = BigDecimal("-1")), DonationKind.WHOLE_BLOOD_450),
                DonorRequest(donor.copy(previousDonations = listOf()), checks(), DonationKind.WHOLE_BLOOD_450),
            ),
            LocalDate.of(2026, 3, 1),
        )
        val deferred = (rows[0] as DonorRow.Ok).value
        assertFalse(deferred.eligible)
        assertEquals(LocalDate.of(2026, 4, 10), deferred.nextEligible)
        assertEquals("DONOR_INTERVAL_NOT_MET", deferred.reasons[0].code)
        val e = (rows[1] as DonorRow.Err).error as RaktException.InvalidInput
        assertEquals("checks.hb_g_dl", e.field)
        assertEquals("-1 is negative", e.reason)
        val eligible = (rows[2] as DonorRow.Ok).value
        assertTrue(eligible.eligible)
        assertEquals(LocalDate.of(2026, 3, 1), eligible.nextEligible)
    }

    // ---- compatibilities --------------------------------------------------------------------

    private fun compatibilityRequest(r: Random, i: Int): CompatibilityRequest {
        val request = CompatibilityRequest(
            component = Component.entries.random(r),
            donor = groups.random(r),
            recipient = Recipient(
                group = r.maybe { groups.random(r) },
                sex = r.maybe { Sex.entries.random(r) },
                ageYears = r.maybe { r.nextInt(0, 90) },
                antiD = r.nextInt(10) == 0,
                chronicallyTransfused = r.nextInt(10) == 0,
            ),
        )
        return when (i % 10) {
            2 -> request.copy(donor = bogusGroup)                                          // impossible donor group
            6 -> request.copy(recipient = request.recipient.copy(group = bogusGroup))     // impossible recipient group
            8 -> request.copy(recipient = request.recipient.copy(ageYears = -3))          // negative age
            else -> request
        }
    }

    @Test
    fun compatibilitiesEqualsCompatibilityRowByRow() {
        val r = Random(7)
        val requests = List(n) { compatibilityRequest(r, it) }
        for (policy in listOf(null, Policy.us())) {
            val expected = requests.map { single { compatibility(it.component, it.donor, it.recipient, policy) } }
            val rows = compatibilities(requests, policy).map {
                when (it) {
                    is CompatibilityRow.Ok -> it.value
                    is CompatibilityRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("compatibilities($policy)", expected, rows)
        }
        val patient = Recipient(group = parseBloodGroup("O neg"), sex = Sex.FEMALE, ageYears = 28)
        val exact = compatibilities(listOf(
            CompatibilityRequest(Component.RED_CELLS, parseBloodGroup("O+"), patient),
            CompatibilityRequest(Component.RED_CELLS, bogusGroup, patient),
            CompatibilityRequest(Component.RED_CELLS, parseBloodGroup("O-"), patient),
        ))
        val v = (exact[0] as CompatibilityRow.Ok).value
        assertFalse(v.compatible)
        assertEquals("RHD_NEGATIVE_REQUIRED", v.reasons[0].code)
        assertTrue((exact[1] as CompatibilityRow.Err).error is RaktException.InvalidBloodGroup)
        assertTrue((exact[2] as CompatibilityRow.Ok).value.compatible)
    }

    // ---- decideCompatibilities --------------------------------------------------------------

    /** The ten standard groups (O±, A±, B±, AB±, Oh±). */
    private val standardGroups = listOf("O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+", "Oh-", "Oh+").map { parseBloodGroup(it) }

    /**
     * Recipients of every kind the rules look at: each standard group, women of child-bearing age
     * and older, men, children, anti-D, chronic transfusion, unknown group (emergency), unknown
     * sex and age; and two refused (an impossible group, a negative age).
     */
    private val recipients: List<Recipient> = standardGroups.map { Recipient(group = it) } + listOf(
        Recipient(group = parseBloodGroup("O-"), sex = Sex.FEMALE, ageYears = 28),
        Recipient(group = parseBloodGroup("O-"), sex = Sex.FEMALE, ageYears = 70),
        Recipient(group = parseBloodGroup("B-"), sex = Sex.MALE, ageYears = 40, antiD = true),
        Recipient(group = parseBloodGroup("AB-"), sex = Sex.OTHER, ageYears = 9, chronicallyTransfused = true),
        Recipient(group = parseBloodGroup("A2B+"), sex = Sex.MALE, ageYears = 55),
        Recipient(),
        Recipient(sex = Sex.FEMALE, ageYears = 25),
        Recipient(sex = Sex.MALE, ageYears = 35, antiD = true),
        Recipient(group = bogusGroup),
        Recipient(group = parseBloodGroup("A+"), ageYears = -1),
    )

    @Test
    fun decideCompatibilityIsCompatibilityWithoutItsExplanation() {
        val requests = Component.entries.flatMap { c ->
            (standardGroups + bogusGroup).flatMap { d -> recipients.map { CompatibilityRequest(c, d, it) } }
        }
        for (policy in listOf(null, Policy.us())) {
            val verdicts = requests.map { single { compatibility(it.component, it.donor, it.recipient, policy) } }
            val decisions = requests.map { single { decideCompatibility(it.component, it.donor, it.recipient, policy) } }
            for (i in requests.indices) {
                val v = verdicts[i]
                val expected = if (v is Compatibility) v.decision() else v
                assertEquals(expected, decisions[i], "decideCompatibility(${requests[i]}, $policy)")
                if (v is Compatibility) assertEquals(v.reasons.map { it.code }, v.codes())
            }
            // the same refusals: the impossible donor, the impossible and the negative-age recipient
            assertEquals(Component.entries.size * (recipients.size + standardGroups.size * 2), decisions.count { it is Refused })
            val rows = decideCompatibilities(requests, policy).map {
                when (it) {
                    is CompatibilityDecisionRow.Ok -> it.value
                    is CompatibilityDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decideCompatibilities($policy)", decisions, rows)
        }
    }

    @Test
    fun decideCompatibilitiesEqualsDecideCompatibilityRowByRow() {
        val r = Random(7)
        val requests = List(n) { compatibilityRequest(r, it) }
        for (policy in listOf(null, Policy.us())) {
            val expected = requests.map { single { decideCompatibility(it.component, it.donor, it.recipient, policy) } }
            val rows = decideCompatibilities(requests, policy).map {
                when (it) {
                    is CompatibilityDecisionRow.Ok -> it.value
                    is CompatibilityDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decideCompatibilities($policy)", expected, rows)
            val verdicts = compatibilities(requests, policy).map {
                when (it) {
                    is CompatibilityRow.Ok -> it.value.decision()
                    is CompatibilityRow.Err -> Refused(it.error)
                }
            }
            assertEquals(verdicts, rows, "decideCompatibilities($policy) is compatibilities(...).decision()")
        }
    }

    @Test
    fun decideCompatibilityExactValues() {
        val oNeg = parseBloodGroup("O-")
        val ffp = decideCompatibility(Component.FRESH_FROZEN_PLASMA, oNeg, Recipient(parseBloodGroup("AB+")))
        assertEquals(
            CompatibilityDecision(
                component = Component.FRESH_FROZEN_PLASMA,
                donor = oNeg,
                compatible = false,
                rank = Rank.INCOMPATIBLE,
                emergency = false,
                codes = listOf("PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"),
            ),
            ffp,
        )
        val trauma = decideCompatibility(Component.RED_CELLS, oNeg, Recipient(sex = Sex.MALE, ageYears = 35))
        assertTrue(trauma.emergency)
        assertTrue(trauma.compatible)
        assertTrue("EMERGENCY_RELEASE" in trauma.codes)

        val patient = Recipient(group = parseBloodGroup("O neg"), sex = Sex.FEMALE, ageYears = 28)
        val rows = decideCompatibilities(listOf(
            CompatibilityRequest(Component.RED_CELLS, parseBloodGroup("O+"), patient),
            CompatibilityRequest(Component.RED_CELLS, bogusGroup, patient),
            CompatibilityRequest(Component.RED_CELLS, oNeg, patient.copy(ageYears = -1)),
            CompatibilityRequest(Component.RED_CELLS, oNeg, patient),
        ))
        val rh = (rows[0] as CompatibilityDecisionRow.Ok).value
        assertFalse(rh.compatible)
        assertEquals(Rank.INCOMPATIBLE, rh.rank)
        assertEquals("RHD_NEGATIVE_REQUIRED", rh.codes[0])
        assertTrue((rows[1] as CompatibilityDecisionRow.Err).error is RaktException.InvalidBloodGroup)
        val age = (rows[2] as CompatibilityDecisionRow.Err).error as RaktException.InvalidInput
        assertEquals("recipient.age_years", age.field)
        val same = assertThrows<RaktException.InvalidInput> {
            compatibility(Component.RED_CELLS, oNeg, patient.copy(ageYears = -1))
        }
        assertEquals(same.toString(), age.toString())
        val identical = (rows[3] as CompatibilityDecisionRow.Ok).value
        assertTrue(identical.compatible)
        assertEquals(Rank.IDENTICAL, identical.rank)
    }

    // ---- computeExpiries --------------------------------------------------------------------

    private fun expiryRequest(r: Random, i: Int): ExpiryRequest {
        val offset = ZoneOffset.ofHoursMinutes(5, 30)
        val at = OffsetDateTime.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), 0, 0, offset)
        val request = ExpiryRequest(
            // random products: many are refused (red cells without a preservative, a re-dating
            // modification, ...), as the per-record call refuses them
            Product(
                component = Component.entries.random(r),
                preservative = r.maybe { Preservative.entries.random(r) },
                plateletSource = r.maybe { PlateletSource.entries.random(r) },
                modifications = if (r.nextInt(4) == 0) r.some(Modification.entries, 1) else listOf(),
            ),
            at,
        )
        return when (i % 10) {
            5 -> request.copy(collectedAt = at.withYear(300_000))                         // a time rakt cannot hold
            else -> request
        }
    }

    @Test
    fun computeExpiriesEqualsComputeExpiryRowByRow() {
        val r = Random(7)
        val requests = List(n) { expiryRequest(r, it) }
        for (policy in listOf(null, Policy.uk())) {
            val expected = requests.map { single { computeExpiry(it.product, it.collectedAt, policy) } }
            val rows = computeExpiries(requests, policy).map {
                when (it) {
                    is ExpiryRow.Ok -> it.value
                    is ExpiryRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("computeExpiries($policy)", expected, rows)
        }
        val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)
        val exact = computeExpiries(listOf(
            ExpiryRequest(sagm, t("2026-01-01T10:00:00+05:30")),
            ExpiryRequest(Product(Component.RED_CELLS), t("2026-01-01T10:00:00+05:30")),
        ))
        assertEquals(t("2026-02-12T23:59:00+05:30"), (exact[0] as ExpiryRow.Ok).value.expiresAt)
        val e = (exact[1] as ExpiryRow.Err).error as RaktException.InvalidInput
        assertEquals("product.preservative", e.field)
    }

    @Test
    fun decideExpiryIsComputeExpiryWithoutItsExplanation() {
        val r = Random(11)
        val requests = List(n) { expiryRequest(r, it) }
        for (policy in listOf(null, Policy.uk())) {
            val expected = requests.map { req ->
                when (val v = single { computeExpiry(req.product, req.collectedAt, policy) }) {
                    is Expiry -> v.decision()
                    else -> v
                }
            }
            val decisions = requests.map { single { decideExpiry(it.product, it.collectedAt, policy) } }
            assertSameAsSingle("decideExpiry($policy)", expected, decisions)
            val rows = decideExpiries(requests, policy).map {
                when (it) {
                    is ExpiryDecisionRow.Ok -> it.value
                    is ExpiryDecisionRow.Err -> Refused(it.error)
                }
            }
            assertSameAsSingle("decideExpiries($policy)", decisions, rows)
            assertTrue(rows.any { it is Refused } && rows.any { it is ExpiryDecision })
        }
        val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)
        val d = decideExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        assertEquals(ExpiryDecision(t("2026-02-12T23:59:00+05:30"), listOf("SHELF_LIFE")), d)
        // expired at the minute of expiry, not the minute before
        assertTrue(d.isExpired(t("2026-02-12T23:59:00+05:30")))
        assertFalse(d.isExpired(t("2026-02-12T23:58:00+05:30")))
    }
}
