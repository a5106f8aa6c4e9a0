package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.Duration
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset

/** The Kotlin API itself: types, errors and a few verdicts with exact answers. */
class ApiTest {

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)

    private fun hasDevanagari(text: String) = text.any { it in '\u0900'..'\u097F' }

    private val ist = ZoneOffset.ofHoursMinutes(5, 30)

    // ---- blood groups -----------------------------------------------------------------------

    @Test
    fun parsesTheSpellingsOfRealRecords() {
        for (text in listOf("O+", "O POS", "o pos", "O Rh positive", "O+ve", "  o  +  ")) {
            assertEquals("O+", parseBloodGroup(text).toString(), text)
        }
        assertEquals("AB-", BloodGroup.parse("AB-Ve").toString())
        assertEquals("AB-", BloodGroup.parse("AB RhD negative").toString())
        val bombay = BloodGroup.parse("Bombay")
        assertEquals(Abo.OH, bombay.abo)
        assertNull(bombay.rhd)
        assertEquals("Oh", bombay.toString())
    }

    @Test
    fun badTextIsATypedExceptionQuotingTheInput() {
        val e = assertThrows<RaktException.InvalidBloodGroup> { parseBloodGroup("C+") }
        assertEquals("C+", e.input)
        assertTrue(e.reason.isNotBlank())
        // toString() is the core's message, which quotes the input
        assertTrue(e.toString().contains("\"C+\""), e.toString())
        // catchable as the sealed base class, never as InternalException
        val base: RaktException = assertThrows<RaktException> { BloodGroup.parse("O Rh") }
        assertTrue(base is RaktException.InvalidBloodGroup)
        assertThrows<RaktException.InvalidBloodGroup> { BloodGroup.parse("") }
    }

    @Test
    fun bloodGroupIsAValueWithCanonicalToString() {
        val oPos = BloodGroup(Abo.O, RhD.POSITIVE)
        assertEquals("O+", oPos.toString())
        assertEquals(oPos, parseBloodGroup("O POS"))
        assertEquals(oPos.hashCode(), parseBloodGroup("o+ve").hashCode())
        assertNotEquals(oPos, BloodGroup(Abo.O, RhD.NEGATIVE))
        assertEquals(2, setOf(oPos, parseBloodGroup("O+"), parseBloodGroup("O-")).size)
        // phenotype details are part of the value but not of toString()
        val a2b = parseBloodGroup("A2B+")
        assertEquals(BloodGroup(Abo.AB, RhD.POSITIVE, aSubgroup = ASubgroup.A2), a2b)
        assertEquals("AB+", a2b.toString())
        assertEquals("A2B+", a2b.notation())
        val weak = parseBloodGroup("O pos weak D")
        assertTrue(weak.weakD)
        assertEquals("O+ weak D", weak.notation())
        assertEquals(weak, oPos.copy(weakD = true))
    }

    @Test
    fun anInvalidBloodGroupBuiltInKotlinIsRefusedWhenUsed() {
        val bogus = BloodGroup(Abo.O, RhD.POSITIVE, aSubgroup = ASubgroup.A2)
        assertEquals("O+", bogus.toString()) // display of the basic group never fails
        assertThrows<RaktException.InvalidBloodGroup> { bogus.notation() }
        assertThrows<RaktException.InvalidBloodGroup> {
            compatibility(Component.RED_CELLS, bogus, Recipient(parseBloodGroup("AB+")))
        }
        assertThrows<RaktException.InvalidBloodGroup> {
            donorPreference(Component.PLATELETS, Recipient(group = bogus))
        }
    }

    // ---- compatibility ----------------------------------------------------------------------

    @Test
    fun compatibilityVerdictsWithExactCodes() {
        val oNeg = parseBloodGroup("O-")
        val abPos = Recipient(parseBloodGroup("AB+"))
        val rbc = compatibility(Component.RED_CELLS, oNeg, abPos)
        assertTrue(rbc.compatible)
        assertEquals(Rank.COMPATIBLE, rbc.rank)
        assertFalse(rbc.emergency)
        assertEquals(oNeg, rbc.donor)
        assertEquals(Component.RED_CELLS, rbc.component)

        // plasma rules run the other way round
        val ffp = compatibility(Component.FRESH_FROZEN_PLASMA, oNeg, abPos, Policy.india())
        assertFalse(ffp.compatible)
        assertEquals(Rank.INCOMPATIBLE, ffp.rank)
        assertEquals(listOf("PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"), ffp.reasons.map { it.code })
        assertEquals(Severity.STOP, ffp.reasons[0].severity)

        // an RhD-negative woman of 28 must not get RhD-positive red cells
        val woman = Recipient(group = oNeg, sex = Sex.FEMALE, ageYears = 28)
        val v = compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman)
        assertFalse(v.compatible)
        assertEquals("RHD_NEGATIVE_REQUIRED", v.reasons[0].code)
        assertNotNull(v.reasons[0].source)

        // group unknown: emergency release
        val trauma = Recipient(sex = Sex.MALE, ageYears = 35)
        val e = compatibility(Component.RED_CELLS, oNeg, trauma)
        assertTrue(e.emergency)
        assertTrue(e.compatible)
        assertTrue(e.reasons.any { it.code == "EMERGENCY_RELEASE" })
    }

    @Test
    fun donorPreferenceInOrder() {
        val woman = Recipient(group = parseBloodGroup("O neg"), sex = Sex.FEMALE, ageYears = 28)
        assertEquals(listOf("O-", "Oh-"), donorPreference(Component.RED_CELLS, woman).map { it.group.toString() })
        val man = Recipient(group = parseBloodGroup("A+"), sex = Sex.MALE, ageYears = 40)
        val options = donorPreference(Component.RED_CELLS, man, Policy.india())
        assertEquals(listOf("A+", "A-", "O+", "O-", "Oh+", "Oh-"), options.map { it.group.toString() })
        assertEquals(Rank.IDENTICAL, options[0].rank)
    }

    @Test
    fun recipientDefaultsAndNegativeAge() {
        val r = Recipient()
        assertNull(r.group)
        assertFalse(r.antiD)
        assertFalse(r.chronicallyTransfused)
        val e = assertThrows<RaktException.InvalidInput> {
            compatibility(Component.RED_CELLS, parseBloodGroup("O-"), Recipient(ageYears = -1))
        }
        assertEquals("recipient.age_years", e.field)
    }

    // ---- reasons and messages ---------------------------------------------------------------

    @Test
    fun messagesInEnglishAndHindi() {
        val v = compatibility(
            Component.RED_CELLS,
            parseBloodGroup("A+"),
            Recipient(parseBloodGroup("O+")),
        )
        val r = v.reasons[0]
        assertEquals("RED_CELLS_ABO_INCOMPATIBLE", r.code)
        assertEquals("anti-A", r.facts["antibodies"])
        val en = r.message("en")
        val hi = r.message("hi")
        assertFalse(hasDevanagari(en), en)
        assertTrue(hasDevanagari(hi), hi)
        assertTrue(hi.contains("एंटी-A"), hi)
        assertEquals(hi, r.message("hi-IN"))
        val e = assertThrows<RaktException.InvalidInput> { r.message("fr") }
        assertEquals("lang", e.field)
        // a reason built in Kotlin renders through the core too; an unknown code is refused
        val made = Reason("RECIPIENT_RHD_UNKNOWN", Severity.CAUTION, emptyMap(), null, null)
        assertEquals("The recipient's RhD type is not known; treated as RhD-negative.", made.message("en"))
        val unknown = assertThrows<RaktException.InvalidInput> { made.copy(code = "NOPE").message("en") }
        assertEquals("reason.code", unknown.field)
        assertTrue(hasDevanagari(Component.RED_CELLS.displayName("hi")))
        assertEquals("red cells", Component.RED_CELLS.displayName("en"))
        assertEquals(Component.FRESH_FROZEN_PLASMA, parseComponent("FFP"))
        assertThrows<RaktException.InvalidInput> { parseComponent("blood") }
    }

    // ---- policies ---------------------------------------------------------------------------

    @Test
    fun builtinPoliciesWithSources() {
        val india = Policy.india()
        assertEquals("india", india.name())
        assertEquals("india", india.toString())
        assertEquals("us", Policy.us().name())
        assertEquals("uk", Policy.builtin("uk").name())
        assertThrows<RaktException.InvalidInput> { Policy.builtin("mars") }
        val src = india.source("shelf_life.red_cells_additive_solution")
        assertNotNull(src)
        assertEquals(Confidence.MEDIUM, src!!.confidence)
        assertTrue(src.citation.isNotBlank())
        assertNull(india.source("no.such.parameter"))
        assertTrue("shelf_life.red_cells_additive_solution" in india.parameterPaths())
        // round trips through the core's JSON and TOML
        assertEquals("india", Policy.fromJson(india.toJson()).name())
        assertEquals(india.toJson(), Policy.fromToml(india.toToml()).toJson())
    }

    @Test
    fun storageRangeIsBigDecimal() {
        val fridge = Policy.india().storageRange(Storage.REFRIGERATED)
        assertEquals(0, BigDecimal("2").compareTo(fridge.minCelsius))
        assertEquals(0, BigDecimal("6").compareTo(fridge.maxCelsius))
        val frozen = Policy.india().storageRange(Storage.FROZEN)
        assertNull(frozen.minCelsius)
        assertNotNull(frozen.maxCelsius)
    }

    @Test
    fun aBadPolicyFileIsRefusedNamingTheField() {
        val toml = "name = \"t\"\nextends = \"india\"\n[shelf_life.platelets_random_donor]\ndays = -3\n"
        val e = assertThrows<RaktException.InvalidPolicy> { Policy.fromToml(toml) }
        assertEquals("shelf_life.platelets_random_donor.days", e.path)
        assertTrue(e.reason.contains("must be > 0"), e.reason)
        val json = """{"name": "t", "extends": "india", "shelf_life": {"platelets_random_donor": {"days": 0}}}"""
        assertEquals("shelf_life.platelets_random_donor.days", assertThrows<RaktException.InvalidPolicy> { Policy.fromJson(json) }.path)
    }

    @Test
    fun anOverrideIsMarkedLocal() {
        val p = Policy.fromToml("name = \"pgimer\"\nextends = \"india\"\n[compatibility]\nchild_bearing_potential_max_age = 55\n")
        assertEquals("pgimer", p.name())
        assertEquals(Confidence.LOCAL, p.source("compatibility.child_bearing_potential_max_age")?.confidence)
        assertEquals(Confidence.MEDIUM, p.source("shelf_life.red_cells_additive_solution")?.confidence)
        // and it is used: a 52-year-old RhD-negative woman is now protected
        val woman = Recipient(group = parseBloodGroup("O-"), sex = Sex.FEMALE, ageYears = 52)
        assertTrue(compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman).compatible)
        assertFalse(compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman, p).compatible)
    }

    // ---- expiry -----------------------------------------------------------------------------

    private val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)

    @Test
    fun expiryToTheMinute() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        assertEquals(t("2026-02-12T23:59:00+05:30"), e.expiresAt)
        assertEquals(ist, e.expiresAt.offset)
        assertEquals(listOf("SHELF_LIFE"), e.reasons.map { it.code })
        assertEquals(sagm, e.product)
        assertFalse(isExpired(e, t("2026-02-12T23:58:59+05:30")))
        assertTrue(isExpired(e, t("2026-02-12T23:59:00+05:30")))
        assertTrue(isExpired(e, t("2026-02-12T18:29:00Z"))) // the same instant in UTC
        assertTrue(expiresWithin(e, Duration.ofMinutes(1), t("2026-02-12T23:58:00+05:30")))
        assertFalse(expiresWithin(e, Duration.ofSeconds(59), t("2026-02-12T23:58:00+05:30")))
        // a negative duration is a typed refusal naming the argument, as in Python
        val negative = assertThrows<RaktException.InvalidInput> { expiresWithin(e, Duration.ofMinutes(-1), t("2026-02-12T23:58:00+05:30")) }
        assertEquals("within", negative.field)
        assertEquals("PT-1M is negative; give a duration of zero or more", negative.reason)
        assertEquals("PT-0.5S is negative; give a duration of zero or more", assertThrows<RaktException.InvalidInput> {
            expiresWithin(e, Duration.ofMillis(-500), t("2026-02-12T23:58:00+05:30"))
        }.reason)
        // zero is allowed (expired exactly now), and the longest java.time.Duration crosses intact
        assertFalse(expiresWithin(e, Duration.ZERO, t("2026-02-12T23:58:00+05:30")))
        assertTrue(expiresWithin(e, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), t("2026-02-12T23:58:00+05:30")))
        // collected late at night UTC is already the next day in India; reported in +05:30
        val late = computeExpiry(Product(Component.PLATELETS, plateletSource = PlateletSource.APHERESIS), t("2026-04-30T20:00:00Z"))
        assertEquals(t("2026-05-04T23:59:00+05:30"), late.expiresAt)
        assertEquals(ist, late.expiresAt.offset)
    }

    @Test
    fun redateAndPool() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        val irradiated = redate(e, Redating.Irradiated(t("2026-01-20T09:00:00+05:30")))
        assertEquals(e.expiresAt, irradiated.expiresAt) // re-dating never extends
        assertEquals(listOf(Modification.IRRADIATED), irradiated.product.modifications)
        val washed = redate(irradiated, Redating.Washed(t("2026-01-21T09:30:00+05:30")), Policy.india())
        assertEquals(t("2026-01-22T09:30:00+05:30"), washed.expiresAt)
        assertEquals(listOf("SHELF_LIFE", "REDATING_CANNOT_EXTEND", "REDATED"), washed.reasons.map { it.code })
        assertEquals(listOf(Modification.IRRADIATED, Modification.WASHED), washed.product.modifications)

        val twice = assertThrows<RaktException.NotApplicable> { redate(washed, Redating.Washed(t("2026-01-21T10:00:00+05:30"))) }
        assertEquals("ALREADY_MODIFIED", twice.code)
        val thaw = assertThrows<RaktException.NotApplicable> {
            redate(e, Redating.Thawed(t("2026-01-02T10:00:00+05:30"), Storage.REFRIGERATED))
        }
        assertEquals("NOT_FROZEN", thaw.code)
        val early = assertThrows<RaktException.NotApplicable> { redate(e, Redating.Opened(t("2025-12-31T10:00:00+05:30"))) }
        assertEquals("EVENT_BEFORE_COLLECTION", early.code)

        val rdp = Product(Component.PLATELETS, plateletSource = PlateletSource.RANDOM_DONOR)
        val a = computeExpiry(rdp, t("2026-05-01T08:00:00+05:30"))
        val b = computeExpiry(rdp, t("2026-05-02T08:00:00+05:30"))
        val pool = poolExpiry(listOf(b, a), t("2026-05-02T12:00:00+05:30"))
        assertEquals(t("2026-05-04T23:59:00+05:30"), pool.expiresAt) // the earliest constituent
        assertEquals(a.expiresAt, pool.expiresAt)
        assertEquals(listOf("POOL_EARLIEST_CONSTITUENT"), pool.reasons.map { it.code })
        assertTrue(Modification.POOLED in pool.product.modifications)
        assertEquals(a.collectedAt, pool.collectedAt)
        // UK: open-system platelet pools keep 6 hours
        val uk = Policy.uk()
        val ukPool = poolExpiry(
            listOf(computeExpiry(rdp, t("2026-01-01T10:00:00Z"), uk), computeExpiry(rdp, t("2026-01-02T10:00:00Z"), uk)),
            t("2026-01-03T10:00:00Z"),
            uk,
        )
        assertEquals(t("2026-01-03T16:00:00Z"), ukPool.expiresAt)
        assertEquals(listOf("POOL_EARLIEST_CONSTITUENT", "REDATED"), ukPool.reasons.map { it.code })
        val one = assertThrows<RaktException.InvalidInput> { poolExpiry(listOf(a), t("2026-05-02T12:00:00+05:30")) }
        assertEquals("constituents", one.field)
    }

    @Test
    fun anExpiryFromKotlinIsConvertedBackFaithfully() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        // the same instants in another offset: same answers
        val utc = e.copy(collectedAt = e.collectedAt.withOffsetSameInstant(ZoneOffset.UTC), expiresAt = e.expiresAt.withOffsetSameInstant(ZoneOffset.UTC))
        assertFalse(isExpired(utc, t("2026-02-12T23:58:59+05:30")))
        assertTrue(isExpired(utc, t("2026-02-12T23:59:00+05:30")))
        // a tampered product is refused by the core, naming the field
        val bad = e.copy(product = e.product.copy(preservative = null))
        val err = assertThrows<RaktException.InvalidInput> { redate(bad, Redating.Irradiated(t("2026-01-02T10:00:00+05:30"))) }
        assertEquals("product.preservative", err.field)
        // a tampered reason code too
        val badReason = e.copy(reasons = listOf(e.reasons[0].copy(code = "MADE_UP")))
        assertEquals("expiry.reasons[0].code", assertThrows<RaktException.InvalidInput> { isExpired(badReason, e.collectedAt) }.field)
    }

    @Test
    fun anInvalidProductIsRefusedNamingTheField() {
        val e = assertThrows<RaktException.InvalidInput> {
            computeExpiry(Product(Component.RED_CELLS), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.preservative", e.field)
        val p = assertThrows<RaktException.InvalidInput> {
            computeExpiry(Product(Component.PLATELETS), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.platelet_source", p.field)
        // a product already modified must be re-dated with the time of its modification
        val m = assertThrows<RaktException.InvalidInput> {
            computeExpiry(sagm.copy(modifications = listOf(Modification.IRRADIATED)), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.modifications", m.field)
    }

    @Test
    fun naiveTimestampsAreImpossibleByType() {
        // every time parameter is an OffsetDateTime: a LocalDateTime does not compile
        val fn: (Product, OffsetDateTime, Policy?) -> Expiry = ::computeExpiry
        assertEquals(t("2026-02-12T23:59:00+05:30"), fn(sagm, t("2026-01-01T10:00:00+05:30"), null).expiresAt)
        // and text without an offset is refused by the core's parser
        val e = assertThrows<RaktException.InvalidInput> { parseTimestamp("2026-01-01T10:00:00") }
        assertEquals("time", e.field)
        assertEquals(t("2026-01-01T10:00:00+05:30"), parseTimestamp("2026-01-01 10:00+05:30"))
        assertEquals(ZoneOffset.UTC, parseTimestamp("2026-01-01T04:30Z").offset)
    }

    @Test
    fun timesTheCoreCannotReadAreTypedErrorsNotInternalOnes() {
        // an offset with seconds is valid in java.time but not in RFC 3339
        val odd = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofTotalSeconds(5 * 3600 + 30 * 60 + 15))
        val e = assertThrows<RaktException.InvalidInput> { computeExpiry(sagm, odd) }
        assertEquals("collected_at", e.field)
        val far = OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ist)
        assertEquals("as_of", assertThrows<RaktException.InvalidInput> {
            isExpired(computeExpiry(sagm, t("2026-01-01T10:00:00+05:30")), far)
        }.field)
        // a leap second is read as the second before it, as Python and Rust read it
        assertEquals(t("2016-12-31T23:59:59Z"), parseTimestamp("2016-12-31T23:59:60Z"))
        assertEquals(t("2016-12-31T23:59:59.5Z"), parseTimestamp("2016-12-31T23:59:60.5Z"))
        // year 0 is outside rakt's calendar (years 1 to 9999)
        assertEquals("\"0000-06-01T00:00:00Z\" is outside the years 1 to 9999", assertThrows<RaktException.InvalidInput> {
            parseTimestamp("0000-06-01T00:00:00Z")
        }.reason)
        // an expiry that would fall past 9999 is refused, not returned
        val past = assertThrows<RaktException.InvalidInput> { computeExpiry(sagm, t("9999-12-30T10:00:00+05:30")) }
        assertEquals("time", past.field)
        assertTrue(past.reason.endsWith("is out of range (years 1 to 9999)"), past.reason)
        // a string with a lone surrogate cannot cross to Rust: a typed refusal, not a JVM exception
        val lone = assertThrows<RaktException.InvalidInput> { parseTimestamp("2026-01-01T10:00:00+05:30\uD800") }
        assertEquals("text", lone.field)
        assertEquals("a string with a lone surrogate at index 25 is not text (it has no UTF-8 form)", lone.reason)
        assertThrows<RaktException.InvalidInput> { BloodGroup.parse("\uDC00O+") }
        // fractions of a second survive the round trip
        val precise = t("2026-01-01T10:00:00.123456789+05:30")
        assertEquals(precise, computeExpiry(sagm, precise).collectedAt)
    }

    // ---- donors -----------------------------------------------------------------------------

    private fun d(text: String): LocalDate = LocalDate.parse(text)

    private val normal = DonorChecks(
        weightKg = BigDecimal("70"),
        hbGDl = BigDecimal("14.1"),
        systolicMmhg = 120,
        diastolicMmhg = 80,
        pulseBpm = 72,
        temperatureC = BigDecimal("36.8"),
    )

    private val man = Donor(d("1990-05-17"), Sex.MALE)

    @Test
    fun donorEligibleAndTheIntervalDeferral() {
        val repeat = man.copy(previousDonations = listOf(PreviousDonation(d("2026-01-10"), DonationKind.WHOLE_BLOOD_450)))
        assertTrue(repeat.previousDonations[0].redCellsReturned) // default
        val early = assessDonor(repeat, normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        assertFalse(early.eligible)
        assertFalse(early.permanent)
        assertFalse(early.referred)
        assertEquals(d("2026-04-10"), early.deferredUntil) // India: 90 days for a man
        assertEquals(d("2026-04-10"), early.nextEligible)
        assertEquals(listOf("DONOR_INTERVAL_NOT_MET"), early.reasons.map { it.code })
        assertEquals("2026-01-10", early.reasons[0].facts["last_date"])
        assertEquals(DonationKind.WHOLE_BLOOD_450, early.kind)
        assertEquals(d("2026-03-01"), early.asOf)
        val on = assessDonor(repeat, normal, DonationKind.WHOLE_BLOOD_450, d("2026-04-10"), Policy.india())
        assertTrue(on.eligible)
        assertNull(on.deferredUntil)
        assertEquals(on.asOf, on.nextEligible)
        assertEquals(listOf("DONOR_ELIGIBLE"), on.reasons.map { it.code })
        val en = on.reasons[0].message("en")
        val hi = on.reasons[0].message("hi")
        assertFalse(hasDevanagari(en), en)
        assertTrue(hasDevanagari(hi), hi)
    }

    @Test
    fun donorDeferredPermanentAndReferred() {
        // tattoo: 12 months in India, to the day
        val tattooed = man.copy(deferralEvents = listOf(DeferralEvent(DeferralKind.TATTOO, d("2025-02-10"))))
        val deferred = assessDonor(tattooed, normal, DonationKind.WHOLE_BLOOD_450, d("2026-02-09"))
        assertEquals(listOf("DONOR_DEFERRED"), deferred.reasons.map { it.code })
        assertEquals("12 months", deferred.reasons[0].facts["period"])
        assertEquals(d("2026-02-10"), deferred.deferredUntil)
        assertTrue(assessDonor(tattooed, normal, DonationKind.WHOLE_BLOOD_450, d("2026-02-10")).eligible)

        // a reactive HIV result defers permanently; every failed criterion is reported
        val hiv = man.copy(deferralEvents = listOf(DeferralEvent(DeferralKind.TTI_REACTIVE, d("2024-01-01"), TtiMarker.HIV)))
        val low = normal.copy(hbGDl = BigDecimal("11"))
        val perm = assessDonor(hiv, low, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        assertFalse(perm.eligible)
        assertTrue(perm.permanent)
        assertNull(perm.deferredUntil)
        assertNull(perm.nextEligible)
        // most severe first, then in the order the rules are checked
        assertEquals(listOf("DONOR_HB_BELOW_MIN", "DONOR_DEFERRED_PERMANENTLY"), perm.reasons.map { it.code })
        assertEquals("tti_reactive:hiv", perm.reasons.first { it.code == "DONOR_DEFERRED_PERMANENTLY" }.facts["event"])

        // a condition the policy has no rule for: the medical officer decides
        val prion = man.copy(conditions = listOf(Condition.PRION_RISK))
        val referred = assessDonor(prion, normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        assertTrue(referred.referred)
        assertFalse(referred.eligible)
        assertFalse(referred.permanent)
        assertNull(referred.nextEligible)
        assertEquals("condition:prion_risk", referred.reasons[0].facts["subject"])

        // a state on the day
        val woman = Donor(d("1990-05-17"), Sex.FEMALE, firstTime = true)
        val pregnant = assessDonor(woman, normal.copy(states = listOf(DonorState.PREGNANT)), DonationKind.WHOLE_BLOOD_350, d("2026-03-01"))
        assertEquals(listOf("DONOR_STATE_DEFERS"), pregnant.reasons.map { it.code })
    }

    @Test
    fun donorHaemoglobinBoundaryIsExactBigDecimal() {
        val woman = Donor(d("1990-05-17"), Sex.FEMALE)
        val kind = DonationKind.WHOLE_BLOOD_350
        val asOf = d("2026-03-01")
        assertTrue(assessDonor(woman, normal.copy(hbGDl = BigDecimal("12.5")), kind, asOf).eligible)
        assertTrue(assessDonor(woman, normal.copy(hbGDl = BigDecimal("12.500")), kind, asOf).eligible)
        val below = assessDonor(woman, normal.copy(hbGDl = BigDecimal("12.49")), kind, asOf)
        assertEquals("DONOR_HB_BELOW_MIN", below.reasons[0].code)
        assertEquals("12.49", below.reasons[0].facts["measured"])
        assertEquals("≥ 12.5", below.reasons[0].facts["limit"])
        assertEquals(d("2026-03-02"), below.deferredUntil)
        // 1.25E+1 is 12.5: BigDecimal crosses as plain text
        assertTrue(assessDonor(woman, normal.copy(hbGDl = BigDecimal("1.25E+1")), kind, asOf).eligible)
        // more digits than rakt can hold exactly: refused, never rounded up to 12.5
        val tooPrecise = BigDecimal("12.49999999999999999999999999999")
        val e = assertThrows<RaktException.InvalidInput> { assessDonor(woman, normal.copy(hbGDl = tooPrecise), kind, asOf) }
        assertEquals("checks.hb_g_dl", e.field)
        val huge = assertThrows<RaktException.InvalidInput> { assessDonor(woman, normal.copy(weightKg = BigDecimal("1E+30")), kind, asOf) }
        assertEquals("checks.weight_kg", huge.field)
        // negative measurements and counts are refused, naming the field
        assertEquals("checks.temperature_c", assertThrows<RaktException.InvalidInput> {
            assessDonor(woman, normal.copy(temperatureC = BigDecimal("-36.8")), kind, asOf)
        }.field)
        assertEquals("checks.pulse_bpm", assertThrows<RaktException.InvalidInput> {
            assessDonor(woman, normal.copy(pulseBpm = -1), kind, asOf)
        }.field)
    }

    @Test
    fun donorLocalDateEdges() {
        // born on 29 February: 18 on 1 March in a common year
        val leap = Donor(d("2008-02-29"), Sex.FEMALE)
        val young = assessDonor(leap, normal, DonationKind.WHOLE_BLOOD_350, d("2026-02-28"))
        assertEquals(listOf("DONOR_TOO_YOUNG"), young.reasons.map { it.code })
        assertEquals(d("2026-03-01"), young.nextEligible)
        assertTrue(assessDonor(leap, normal, DonationKind.WHOLE_BLOOD_350, d("2026-03-01")).eligible)
        // dates after the day assessed are refused, naming the field
        assertEquals("donor.date_of_birth", assertThrows<RaktException.InvalidInput> {
            assessDonor(Donor(d("2026-03-02"), Sex.MALE), normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        }.field)
        val later = man.copy(previousDonations = listOf(PreviousDonation(d("2026-01-01"), DonationKind.PLASMAPHERESIS), PreviousDonation(d("2026-03-02"), DonationKind.WHOLE_BLOOD_450)))
        assertEquals("donor.previous_donations[1].date", assertThrows<RaktException.InvalidInput> {
            assessDonor(later, normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        }.field)
        assertEquals("donor.deferral_events[0].marker", assertThrows<RaktException.InvalidInput> {
            assessDonor(man.copy(deferralEvents = listOf(DeferralEvent(DeferralKind.TTI_REACTIVE, d("2026-01-15")))), normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        }.field)
        // rakt's calendar is the years 1 to 9999 in every language: outside it, a typed refusal
        val beyond = assertThrows<RaktException.InvalidInput> {
            assessDonor(man, normal, DonationKind.WHOLE_BLOOD_450, LocalDate.of(10000, 1, 1))
        }
        assertEquals("as_of", beyond.field)
        assertEquals("\"+10000-01-01\" is outside the years 1 to 9999", beyond.reason)
        assertEquals("as_of", assertThrows<RaktException.InvalidInput> {
            assessDonor(man, normal, DonationKind.WHOLE_BLOOD_450, LocalDate.MAX)
        }.field)
        assertEquals("donor.date_of_birth", assertThrows<RaktException.InvalidInput> {
            assessDonor(Donor(LocalDate.MIN, Sex.MALE), normal, DonationKind.WHOLE_BLOOD_450, d("2026-03-01"))
        }.field)
    }

    // ---- units ------------------------------------------------------------------------------

    private val indiaMarkers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)

    private fun ev(at: String, kind: EventKind) = UnitEvent(t(at), "tech-a", kind)

    private fun collected(din: String = "DIN-2026-0001", donor: String? = "D-17", at: String = "2026-11-01T09:00:00+05:30", product: Product = sagm, group: String = "O+"): BloodUnit =
        BloodUnit.collect(
            Collection(din = din, product = product, group = parseBloodGroup(group), volumeMl = 280, donationType = DonationType.VOLUNTARY, collectedAt = t(at), donorId = donor),
            "tech-a",
        )

    /** Quarantined at +30 min, all India markers non-reactive at +1 h, grouped, released at +2 h. */
    private fun released(unit: BloodUnit, day: String = "2026-11-01"): BloodUnit {
        var u = unit.apply(ev("${day}T09:30:00+05:30", EventKind.Quarantine))
        for (m in indiaMarkers) u = u.apply(ev("${day}T10:00:00+05:30", EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev("${day}T10:10:00+05:30", EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev("${day}T11:00:00+05:30", EventKind.Release), Policy.india())
    }

    @Test
    fun aUnitFromCollectionToTransfusion() {
        val c = collected()
        assertEquals(UnitStatus.COLLECTED, c.status())
        assertEquals("DIN-2026-0001", c.id())
        assertEquals("DIN-2026-0001 (collected)", c.toString())
        assertEquals(280L, c.volumeMl())
        assertEquals(parseBloodGroup("O+"), c.group())
        assertEquals("D-17", c.donorId())
        assertEquals(t("2026-12-13T23:59:00+05:30"), c.expiry().expiresAt)
        assertEquals(EventKind.Collected, c.history().single().kind)
        assertEquals(listOf("SHELF_LIFE"), c.history().single().reasons.map { it.code })

        val q = c.apply(ev("2026-11-01T09:30:00+05:30", EventKind.Quarantine))
        assertEquals(UnitStatus.QUARANTINED, q.status())
        assertEquals(UnitStatus.COLLECTED, c.status()) // units are values
        // not releasable yet: everything missing is listed
        val v = q.releaseVerdict(t("2026-11-01T09:40:00+05:30"))
        assertFalse(v.releasable)
        assertEquals(List(5) { "TTI_NOT_TESTED" } + "GROUPING_NOT_CONFIRMED", v.reasons.map { it.code })
        assertEquals(indiaMarkers.map { it.name.lowercase() }, v.reasons.take(5).map { it.facts["marker"] })
        assertEquals(v, screeningRelease(q, t("2026-11-01T09:40:00+05:30")))
        val refused = assertThrows<RaktException.NotApplicable> { q.apply(ev("2026-11-01T09:45:00+05:30", EventKind.Release)) }
        assertEquals("RELEASE_NOT_ALLOWED", refused.code)

        val r = released(c)
        assertEquals(UnitStatus.RELEASED, r.status())
        assertEquals(listOf("RELEASE_ALLOWED"), r.history().last().reasons.map { it.code })
        assertEquals(indiaMarkers.associateWith { TestResult.NON_REACTIVE }, r.screeningResults())
        assertEquals(Grouping(parseBloodGroup("O+"), Abo.O, null), r.grouping())
        assertTrue(r.releaseVerdict(t("2026-11-01T12:00:00+05:30")).releasable)

        val reserved = r.apply(ev("2026-11-02T08:00:00+05:30", EventKind.Reserve("P-1", t("2026-11-03T08:00:00+05:30"))))
        assertEquals(UnitStatus.RESERVED, reserved.status())
        assertEquals(Reservation("P-1", t("2026-11-03T08:00:00+05:30")), reserved.reservation())
        assertEquals(UnitStatus.RESERVED, reserved.statusAt(t("2026-11-03T07:59:00+05:30")))
        assertEquals(UnitStatus.RELEASED, reserved.statusAt(t("2026-11-03T08:00:00+05:30"))) // lapsed
        val wrong = assertThrows<RaktException.NotApplicable> { reserved.apply(ev("2026-11-02T09:00:00+05:30", EventKind.Issue("P-2"))) }
        assertEquals("WRONG_PATIENT", wrong.code)

        val issued = reserved.apply(ev("2026-11-02T09:00:00+05:30", EventKind.Issue("P-1")))
        assertEquals(UnitStatus.ISSUED, issued.status())
        assertEquals(Reservation("P-1", null), issued.reservation())
        val back = issued.apply(ev("2026-11-02T09:20:00+05:30", EventKind.Return(minutesOutOfStorage = 20)))
        assertEquals(UnitStatus.RELEASED, back.status())
        assertEquals(listOf("RETURNED_TO_STOCK"), back.history().last().reasons.map { it.code })
        assertEquals("20", back.history().last().reasons[0].facts["minutes"])
        val late = issued.apply(ev("2026-11-02T10:30:00+05:30", EventKind.Return()))
        assertEquals(UnitStatus.DISCARDED, late.status())
        assertEquals(DiscardReason.ReturnedTooLate, late.discardReason())
        assertEquals(EventKind.Return(null, false), late.history().last().kind)

        val done = issued.apply(ev("2026-11-02T10:00:00+05:30", EventKind.Transfuse))
        assertEquals(UnitStatus.TRANSFUSED, done.status())
        assertEquals(12, done.history().size) // collected, quarantine, 5 tests, grouping, release, reserve, issue, transfuse
        assertEquals("DIN-2026-0001 (transfused)", done.toString())
        val terminal = assertThrows<RaktException.NotApplicable> { done.apply(ev("2026-11-02T11:00:00+05:30", EventKind.Discard(DiscardReason.Leakage))) }
        assertEquals("INVALID_TRANSITION", terminal.code)
    }

    @Test
    fun aRefusedEventLeavesTheUnitEqualToBefore() {
        val q = collected().apply(ev("2026-11-01T09:30:00+05:30", EventKind.Quarantine))
        val twin = collected().apply(ev("2026-11-01T09:30:00+05:30", EventKind.Quarantine))
        assertEquals(twin, q) // equals/hashCode are the core's, history included
        assertEquals(twin.hashCode(), q.hashCode())
        val history = q.history()
        val refusals = listOf(
            ev("2026-11-01T10:00:00+05:30", EventKind.Issue("P-1")) to "INVALID_TRANSITION",
            ev("2026-11-01T09:00:00+05:30", EventKind.Discard(DiscardReason.Leakage)) to "EVENT_OUT_OF_ORDER",
            ev("2026-11-01T10:00:00+05:30", EventKind.SplitFrom("DIN-0/A0")) to "INVALID_TRANSITION",
            ev("2026-11-01T10:00:00+05:30", EventKind.RecordRepeat(TtiMarker.HIV, TestResult.NON_REACTIVE, TestResult.NON_REACTIVE)) to "REPEAT_WITHOUT_INITIAL_REACTIVE",
            ev("2026-11-01T10:00:00+05:30", EventKind.Thaw(Storage.REFRIGERATED)) to "NOT_FROZEN",
        )
        for ((event, code) in refusals) {
            val e = assertThrows<RaktException.NotApplicable> { q.apply(event) }
            assertEquals(code, e.code, event.toString())
            assertEquals(twin, q)
            assertEquals(history, q.history())
            assertEquals(UnitStatus.QUARANTINED, q.status())
        }
        // refused inputs name the field
        assertEquals("reason", assertThrows<RaktException.InvalidInput> { q.apply(ev("2026-11-01T10:00:00+05:30", EventKind.Discard(DiscardReason.Other(" ")))) }.field)
        assertEquals("reason", assertThrows<RaktException.InvalidInput> { q.apply(ev("2026-11-01T10:00:00+05:30", EventKind.Discard(DiscardReason.Expired))) }.field)
        assertEquals("actor", assertThrows<RaktException.InvalidInput> { q.apply(UnitEvent(t("2026-11-01T10:00:00+05:30"), "", EventKind.Quarantine)) }.field)
        assertEquals("minutes_out_of_storage", assertThrows<RaktException.InvalidInput> { q.apply(ev("2026-11-01T10:00:00+05:30", EventKind.Return(minutesOutOfStorage = -1))) }.field)
        assertEquals(twin, q)
        // a discard in words
        val torn = q.apply(ev("2026-11-01T10:00:00+05:30", EventKind.Discard(DiscardReason.Other("bag torn"))))
        assertEquals(DiscardReason.Other("bag torn"), torn.discardReason())
        assertEquals("bag torn", torn.history().last().reasons[0].facts["reason"])
        assertNotEquals(q, torn)
        // a history entry passed back is a plain event: applying the same kind again is refused
        assertEquals("INVALID_TRANSITION", assertThrows<RaktException.NotApplicable> { torn.apply(torn.history().last()) }.code)
    }

    @Test
    fun collectionIsValidatedByTheCore() {
        val base = Collection("DIN-1", sagm, parseBloodGroup("A-"), 280, DonationType.REPLACEMENT, t("2026-11-01T09:00:00+05:30"))
        assertNull(base.division)
        assertNull(base.donorId)
        assertFalse(base.firstDonation)
        assertEquals("din", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(din = ""), "tech") }.field)
        assertEquals("division", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(division = "a0"), "tech") }.field)
        assertEquals("volume_ml", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(volumeMl = 0), "tech") }.field)
        assertEquals("volume_ml", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(volumeMl = -280), "tech") }.field)
        assertEquals("volume_ml", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(volumeMl = 5_000_000_000), "tech") }.field)
        assertEquals("product.preservative", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base.copy(product = Product(Component.RED_CELLS)), "tech") }.field)
        assertThrows<RaktException.InvalidBloodGroup> { BloodUnit.collect(base.copy(group = BloodGroup(Abo.O, RhD.POSITIVE, aSubgroup = ASubgroup.A1)), "tech") }
        assertEquals("actor", assertThrows<RaktException.InvalidInput> { BloodUnit.collect(base, " ") }.field)
        val divided = BloodUnit.collect(base.copy(division = "A0"), "tech")
        assertEquals("DIN-1/A0", divided.id())
        assertEquals("DIN-1", divided.din())
        assertEquals("A0", divided.division())
        assertEquals(DonationType.REPLACEMENT, divided.donationType())
    }

    @Test
    fun aUnitIsSavedAndReadBackAsJson() {
        val r = released(collected())
        val saved = r.toJson()
        val back = BloodUnit.fromJson(saved)
        assertEquals(r, back)
        assertEquals(r.history(), back.history())
        assertEquals(UnitStatus.RELEASED, back.status())
        assertEquals("json", assertThrows<RaktException.InvalidInput> { BloodUnit.fromJson("{") }.field)
        assertEquals("din", assertThrows<RaktException.InvalidInput> {
            BloodUnit.collect(Collection("A/B0", sagm, parseBloodGroup("A-"), 280, DonationType.VOLUNTARY, t("2026-11-01T09:00:00+05:30")), "tech")
        }.field)
    }

    @Test
    fun hl7BothWays() {
        assertEquals("CR", unitStatusToHl7(UnitStatus.RELEASED))
        assertEquals("RD", unitStatusToHl7(UnitStatus.CROSSMATCHED))
        assertEquals("TR", unitStatusToHl7(UnitStatus.TRANSFUSED_WITH_REACTION))
        assertNull(unitStatusToHl7(UnitStatus.QUARANTINED))
        assertNull(unitStatusToHl7(UnitStatus.PROCESSED))
        for (s in UnitStatus.entries) unitStatusToHl7(s)?.let { assertEquals(s, unitStatusFromHl7(it)) }
        assertEquals(UnitStatus.ISSUED, unitStatusFromHl7("PT"))
        assertEquals(UnitStatus.RELEASED, unitStatusFromHl7(" RE "))
        val e = assertThrows<RaktException.InvalidInput> { unitStatusFromHl7("XX") }
        assertEquals("hl7", e.field)
        assertTrue(e.toString().contains("\"XX\""), e.toString())
    }

    @Test
    fun splitAndPool() {
        val r = released(collected())
        val split = r.split(listOf(100, 90, 80), t("2026-11-01T14:00:00+05:30"), "tech-a")
        assertEquals(UnitStatus.PROCESSED, split.parent.status())
        assertEquals(listOf("DIN-2026-0001/A0", "DIN-2026-0001/B0", "DIN-2026-0001/C0"), split.children.map { it.id() })
        assertEquals(listOf(100L, 90L, 80L), split.children.map { it.volumeMl() })
        assertEquals(EventKind.SplitInto(split.children.map { it.id() }), split.parent.history().last().kind)
        val a0 = split.children[0]
        assertEquals(listOf("DIN-2026-0001"), a0.parents())
        assertEquals(EventKind.SplitFrom("DIN-2026-0001"), a0.history().single().kind)
        assertEquals(UnitStatus.RELEASED, a0.status())
        assertEquals(r.expiry().expiresAt, a0.expiry().expiresAt)
        assertEquals("DIN-2026-0001/Aa", a0.split(listOf(50, 50), t("2026-11-01T15:00:00+05:30"), "tech-a").children[0].id())
        assertEquals("volumes_ml", assertThrows<RaktException.InvalidInput> { r.split(listOf(200, 100), t("2026-11-01T14:00:00+05:30"), "tech-a") }.field)
        assertEquals("volumes_ml", assertThrows<RaktException.InvalidInput> { r.split(listOf(-1, 100), t("2026-11-01T14:00:00+05:30"), "tech-a") }.field)

        val rdp = Product(Component.PLATELETS, plateletSource = PlateletSource.RANDOM_DONOR)
        val p1 = released(collected("P1", "D-1", product = rdp, group = "A+"))
        val p2 = released(collected("P2", "D-2", product = rdp, group = "A+"))
        val pooled = poolUnits(listOf(p1, p2), "POOL-1", t("2026-11-02T10:00:00+05:30"), "tech-a")
        assertEquals(UnitStatus.RELEASED, pooled.pool.status())
        assertEquals(560L, pooled.pool.volumeMl())
        assertEquals(listOf("P1", "P2"), pooled.pool.parents())
        assertEquals(listOf(UnitStatus.PROCESSED, UnitStatus.PROCESSED), pooled.constituents.map { it.status() })
        assertEquals(EventKind.PooledInto("POOL-1"), pooled.constituents[0].history().last().kind)
        assertTrue(Modification.POOLED in pooled.pool.product().modifications)
        val o = released(collected("P3", "D-3", product = rdp, group = "O+"))
        assertEquals("units[1]", assertThrows<RaktException.InvalidInput> { poolUnits(listOf(p1, o), "POOL-2", t("2026-11-02T10:00:00+05:30"), "tech-a") }.field)
    }

    @Test
    fun aReactiveDonationIsDiscardedReferredAndLookedBack() {
        // the donor's earlier donation, still in stock
        val old = released(collected("DIN-OLD", at = "2026-10-15T09:00:00+05:30"), day = "2026-10-15")
        // today's donation: HBsAg initially reactive, then repeat reactive in duplicate
        var unit = collected("DIN-NEW").apply(ev("2026-11-01T09:30:00+05:30", EventKind.Quarantine))
        unit = unit.apply(ev("2026-11-01T10:00:00+05:30", EventKind.RecordTest(TtiMarker.HBSAG, TestResult.INITIALLY_REACTIVE)))
        val repeat = assertThrows<RaktException.NotApplicable> {
            unit.apply(ev("2026-11-01T10:10:00+05:30", EventKind.RecordTest(TtiMarker.HBSAG, TestResult.NON_REACTIVE)))
        }
        assertEquals("REPEAT_REQUIRED", repeat.code)
        val awaiting = unit.releaseVerdict(t("2026-11-01T10:20:00+05:30"))
        assertEquals("TTI_AWAITING_REPEAT", awaiting.reasons[0].code)
        unit = unit.apply(ev("2026-11-01T10:30:00+05:30", EventKind.RecordRepeat(TtiMarker.HBSAG, TestResult.REPEAT_REACTIVE, TestResult.NON_REACTIVE)))
        assertEquals(TestResult.REPEAT_REACTIVE, unit.screeningResults()[TtiMarker.HBSAG])
        assertEquals("TTI_REACTIVE", screeningRelease(unit, t("2026-11-01T10:40:00+05:30")).reasons[0].code)

        // the unit itself is in stock too; it is handled once
        val out = handleReactive(unit, listOf(old, unit), t("2026-11-01T23:00:00Z"), "tech-a")
        assertEquals(listOf("DIN-NEW"), out.discarded.map { it.id() })
        assertEquals(DiscardReason.TtiReactive, out.discarded[0].discardReason())
        assertEquals(UnitStatus.DISCARDED, out.discarded[0].status())
        assertTrue(out.notDiscarded.isEmpty())
        assertEquals(listOf(LookbackEntry("DIN-OLD", UnitStatus.RELEASED, t("2026-10-15T09:00:00+05:30"))), out.lookback)
        val ref = out.referral
        assertEquals("D-17", ref.donorId)
        assertEquals("DIN-NEW", ref.din)
        assertEquals(listOf(TtiMarker.HBSAG), ref.markers)
        assertEquals(mapOf(TtiMarker.HBSAG to TestResult.REPEAT_REACTIVE), ref.results)
        // 23:00 UTC is the next morning in India: the finding is dated in facility time
        assertEquals(d("2026-11-02"), ref.date)
        assertEquals(listOf(DeferralEvent(DeferralKind.TTI_REACTIVE, d("2026-11-02"), TtiMarker.HBSAG)), ref.deferralEvents)
        assertEquals(listOf("TTI_REACTIVE"), ref.reasons.map { it.code })
        assertTrue(hasDevanagari(ref.reasons[0].message("hi")))

        // the referral's deferral events go straight into the donor's record
        val donor = man.copy(id = ref.donorId, deferralEvents = ref.deferralEvents)
        val a = assessDonor(donor, normal, DonationKind.WHOLE_BLOOD_450, d("2027-06-01"))
        assertTrue(a.permanent)
        assertEquals(listOf("DONOR_DEFERRED_PERMANENTLY"), a.reasons.map { it.code })

        // a clean unit has nothing to act on
        val clean = assertThrows<RaktException.NotApplicable> { handleReactive(old, emptyList(), t("2026-11-02T10:00:00+05:30"), "tech-a") }
        assertEquals("NO_REACTIVE_RESULT", clean.code)
    }

    // ---- the example ------------------------------------------------------------------------

    @Test
    fun theDonorAndUnitExampleRuns() {
        val text = printed { org.rakt.examples.lifecycle.main() }
        assertTrue(text.contains("eligible: false, next eligible: 2026-04-10"), text)
        assertTrue(text.contains("release refused: RELEASE_NOT_ALLOWED"), text)
        assertTrue(text.contains("DIN-2026-0417 (issued), HL7 DS, expires 2026-05-22T23:59+05:30"), text)
        assertTrue(hasDevanagari(text), text)
    }

    @Test
    fun theLabelsExampleRuns() {
        val text = printed { org.rakt.examples.labels.main() }
        assertTrue(text.contains("A999926000101  O-  expires 2026-12-15T23:59+05:30"), text)
        assertTrue(text.contains("e-RaktKosh: component 29 (Irradiated RBC), group 16"), text)
        assertTrue(text.contains("LABEL_EXPIRY_SHORTENED"), text)
        assertTrue(text.contains("special message quarantine (Mq)"), text)
        assertTrue(text.contains("position=38, reason=ISBT 128 date: 2026 has no day 366"), text)
    }

    @Test
    fun theStockExampleRuns() {
        val text = printed { org.rakt.examples.stock.main() }
        assertTrue(text.contains("box 2 (4.0–11.5 °C): 2 units discarded"), text)
        assertTrue(text.contains("COLD_CHAIN_BREACH: Carried from HUB-LUCKNOW to BSC-FRU-BARABANKI at 4.0–11.5 °C"), text)
        assertTrue(text.contains("LOW B+   2 of 5 (missing 3)"), text)
        assertTrue(text.contains("HUB-2026-0027 O-  choice 1 expires 2026-12-26  UNIT_ALLOCATED"), text)
        assertTrue(text.contains("HUB-2026-0014 O+  choice 1 expires 2026-12-28  UNIT_ALLOCATED, EMERGENCY_RELEASE"), text)
        assertTrue(text.contains("e-RaktKosh 28 (Sagm Packed Red Blood Cells): A+Ve : 3, A-Ve : 2"), text)
        assertTrue(text.contains("HUB-2026-0032  platelets O+  expires 2026-11-24 23:59"), text)
    }

    @Test
    fun theMaternalExampleRuns() {
        val text = printed { org.rakt.examples.maternal.main() }
        assertTrue(text.contains("== ANC-101  33+0 weeks  risk low  →  Level 1 (sub-centre or PHC, skilled birth attendant) (planned)"), text)
        assertTrue(text.contains("पहले 2 सिज़ेरियन ऑपरेशन: प्रसव वहीं कराएँ जहाँ सिज़ेरियन की सुविधा हो।"), text)
        assertTrue(text.contains("blood plan: high tier, crossmatch 2 units of red cells (on_admission) — placenta_praevia"), text)
        assertTrue(text.contains("from DH-LUCKNOW: HUB-2026-0027 O-  expires 2026-12-26  UNIT_ALLOCATED, SCARCE_UNIT_EXPIRES_FIRST"), text)
        assertTrue(text.contains("reserved at FRU-BARABANKI for ANC-103: FRU-2026-0102"), text)
    }

    /** What [run] prints on standard output. */
    private fun printed(run: () -> Unit): String {
        val out = java.io.ByteArrayOutputStream()
        val saved = System.out
        System.setOut(java.io.PrintStream(out, true, "UTF-8"))
        try {
            run()
        } finally {
            System.setOut(saved)
        }
        return out.toString("UTF-8")
    }
}
