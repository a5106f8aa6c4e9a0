//! Translating fact values (codes, periods, timestamps) for people, in English and Hindi.

use chrono::DateTime;

use super::Lang;

/// Translate fact values that are codes (component names, protections, units) and format
/// timestamps for people.
pub(crate) fn localise(name: &str, value: &str, lang: Lang) -> String {
    match name {
        "component" => crate::component::Component::parse(value)
            .map(|c| c.display_name(lang).to_string())
            .unwrap_or_else(|_| value.to_string()),
        "protection" => protection_text(value, lang).to_string(),
        "modification" => modification_text(value, lang).to_string(),
        "missing" => missing_text(value, lang).to_string(),
        "kind" | "last_kind" => donation_kind_text(value, lang).to_string(),
        "event" => event_text(value, lang),
        "state" => state_text(value, lang).to_string(),
        "condition" => condition_text(value, lang).to_string(),
        "marker" => marker_text(value, lang).to_string(),
        "result" => result_text(value, lang).to_string(),
        "subject" => subject_text(value, lang),
        "criterion" => criterion_text(value, lang).to_string(),
        "donor_group" => donor_group_text(value, lang).to_string(),
        "family" => family_text(value, lang).to_string(),
        "reason" => discard_text(value, lang).to_string(),
        "storage" => match (value, lang) {
            ("refrigerated", Lang::Hi) => "प्रशीतित".to_string(),
            ("room_temperature", Lang::Hi) => "कमरे के तापमान वाले".to_string(),
            ("frozen", Lang::Hi) => "जमे हुए".to_string(),
            ("room_temperature", Lang::En) => "room-temperature".to_string(),
            _ => value.to_string(),
        },
        "as" => match (value, lang) {
            ("negative", Lang::Hi) => "नेगेटिव".to_string(),
            ("positive", Lang::Hi) => "पॉज़िटिव".to_string(),
            _ => value.to_string(),
        },
        "antibodies" => {
            let parts: Vec<String> = value
                .split(',')
                .map(|p| match lang {
                    Lang::En => p.to_string(),
                    Lang::Hi => p.replace("anti-", "एंटी-"),
                })
                .collect();
            let joiner = match lang {
                Lang::En => " and ",
                Lang::Hi => " और ",
            };
            parts.join(joiner)
        }
        "shelf_life" | "interval" | "period" | "window" => {
            let mut words = value.split(' ');
            match (words.next(), words.next(), lang) {
                (Some(n), Some(unit), Lang::Hi) => {
                    let unit = match unit {
                        "day" | "days" => "दिन",
                        "hour" => "घंटा",
                        "hours" => "घंटे",
                        "month" => "महीना",
                        "months" => "महीने",
                        other => other,
                    };
                    format!("{n} {unit}")
                }
                _ => value.to_string(),
            }
        }
        "expires_at" | "label_expires_at" | "at" | "limit" => DateTime::parse_from_rfc3339(value)
            .map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
            .unwrap_or_else(|_| value.to_string()),
        _ => value.to_string(),
    }
}

fn protection_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("female_child_bearing_potential", Lang::En) => "female of child-bearing potential",
        ("female_child_bearing_potential", Lang::Hi) => "प्रजनन आयु की महिला",
        ("child", Lang::En) => "child",
        ("child", Lang::Hi) => "बच्चा",
        ("anti_d", Lang::En) => "known anti-D",
        ("anti_d", Lang::Hi) => "रोगी में एंटी-D ज्ञात",
        ("chronically_transfused", Lang::En) => "chronically transfused",
        ("chronically_transfused", Lang::Hi) => "नियमित रूप से रक्त चढ़ाए जाने वाला रोगी",
        (other, _) => other,
    }
}

fn modification_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("irradiated", Lang::En) => "Irradiation",
        ("irradiated", Lang::Hi) => "विकिरण (इर्रेडिएशन)",
        ("washed", Lang::En) => "Washing",
        ("washed", Lang::Hi) => "धुलाई (वॉशिंग)",
        ("opened", Lang::En) => "Opening the bag (open system)",
        ("opened", Lang::Hi) => "बैग खोलना (ओपन सिस्टम)",
        ("thawed", Lang::En) => "Thawing",
        ("thawed", Lang::Hi) => "पिघलाना (थॉइंग)",
        ("pooled", Lang::En) => "Pooling",
        ("pooled", Lang::Hi) => "पूल करना (पूलिंग)",
        (other, _) => other,
    }
}

fn missing_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("age", Lang::En) => "age",
        ("age", Lang::Hi) => "आयु",
        ("sex", Lang::En) => "sex",
        ("sex", Lang::Hi) => "लिंग",
        ("age_and_sex", Lang::En) => "age and sex",
        ("age_and_sex", Lang::Hi) => "आयु और लिंग",
        ("forward", Lang::En) => "forward grouping",
        ("forward", Lang::Hi) => "फॉरवर्ड ग्रुपिंग",
        ("reverse", Lang::En) => "reverse grouping",
        ("reverse", Lang::Hi) => "रिवर्स ग्रुपिंग",
        ("forward_and_reverse", Lang::En) => "forward and reverse grouping",
        ("forward_and_reverse", Lang::Hi) => "फॉरवर्ड और रिवर्स ग्रुपिंग",
        ("rhd", Lang::En) => "RhD typing",
        ("rhd", Lang::Hi) => "RhD टाइपिंग",
        (other, _) => other,
    }
}

/// Translate from a table of (code, English, Hindi); unknown codes are shown as they are.
fn lookup<'a>(table: &'a [(&str, &str, &str)], value: &'a str, lang: Lang) -> &'a str {
    table
        .iter()
        .find(|(code, _, _)| *code == value)
        .map_or(value, |(_, en, hi)| match lang {
            Lang::En => en,
            Lang::Hi => hi,
        })
}

fn donation_kind_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        (
            "whole_blood_350",
            "whole blood (350 mL)",
            "होल ब्लड (350 mL)",
        ),
        (
            "whole_blood_450",
            "whole blood (450 mL)",
            "होल ब्लड (450 mL)",
        ),
        ("plateletpheresis", "plateletpheresis", "प्लेटलेटफेरेसिस"),
        ("plasmapheresis", "plasmapheresis", "प्लाज़्माफेरेसिस"),
        ("double_red_cells", "double red cells", "डबल रेड सेल"),
    ];
    lookup(T, value, lang)
}

fn deferral_kind_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("delivery", "Delivery", "प्रसव"),
        ("abortion", "Abortion or miscarriage", "गर्भपात"),
        ("surgery_minor", "Minor surgery", "छोटी सर्जरी"),
        ("surgery_major", "Major surgery", "बड़ी सर्जरी"),
        ("tooth_extraction", "Tooth extraction", "दाँत निकलवाना"),
        ("malaria", "Malaria", "मलेरिया"),
        ("dengue", "Dengue", "डेंगू"),
        ("chikungunya", "Chikungunya", "चिकनगुनिया"),
        ("zika", "Zika", "ज़ीका"),
        ("typhoid", "Typhoid", "टाइफाइड"),
        (
            "transfusion",
            "Blood transfusion received",
            "रक्त चढ़वाया गया",
        ),
        ("tattoo", "Tattoo", "टैटू"),
        ("piercing", "Body piercing", "शरीर छिदवाना"),
        (
            "vaccine_killed",
            "Killed or toxoid vaccine",
            "निष्क्रिय (किल्ड) टीका",
        ),
        ("vaccine_live", "Live vaccine", "जीवित (लाइव) टीका"),
        (
            "vaccine_rubella_varicella",
            "Rubella or varicella vaccine",
            "रूबेला या वैरिसेला टीका",
        ),
        ("vaccine_rabies", "Rabies vaccine", "रेबीज़ टीका"),
        ("immunoglobulin", "Immunoglobulin", "इम्युनोग्लोबुलिन"),
        (
            "hepatitis_contact",
            "Hepatitis in a family member or close contact",
            "परिवार या निकट संपर्क में हेपेटाइटिस",
        ),
        ("bone_marrow_harvest", "Bone-marrow harvest", "बोन मैरो दान"),
        ("pbsc_harvest", "Stem-cell harvest", "स्टेम सेल दान"),
        (
            "tti_reactive",
            "Reactive screening test",
            "रिएक्टिव स्क्रीनिंग जाँच",
        ),
        (
            "tuberculosis",
            "Tuberculosis (cure confirmed)",
            "क्षय रोग (टीबी) (इलाज पूरा होने की पुष्टि)",
        ),
        ("hepatitis_a_e", "Hepatitis A or E", "हेपेटाइटिस A या E"),
        (
            "antibiotics",
            "Antibiotics (last dose)",
            "एंटीबायोटिक दवा (अंतिम खुराक)",
        ),
        ("aspirin", "Aspirin (last dose)", "एस्पिरिन (अंतिम खुराक)"),
        (
            "antihypertensive_change",
            "Change of blood-pressure medicine or dose",
            "रक्तचाप की दवा या उसकी खुराक में बदलाव",
        ),
        (
            "foreign_national_stay",
            "Foreign national's arrival for a continuous stay",
            "विदेशी नागरिक का लगातार प्रवास के लिए आगमन",
        ),
    ];
    lookup(T, value, lang)
}

/// A deferral event, `tti_reactive:<marker>` naming the marker.
fn event_text(value: &str, lang: Lang) -> String {
    match value.split_once(':') {
        Some((kind, marker)) => format!(
            "{} ({})",
            deferral_kind_text(kind, lang),
            marker_text(marker, lang)
        ),
        None => deferral_kind_text(value, lang).to_string(),
    }
}

fn state_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("pregnant", "pregnant", "गर्भावस्था"),
        ("breastfeeding", "breast-feeding", "स्तनपान"),
        ("menstruating", "menstruating", "मासिक धर्म"),
        ("asthma_attack", "having an asthmatic attack", "दमे का दौरा"),
    ];
    lookup(T, value, lang)
}

fn condition_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("cancer", "Cancer", "कैंसर"),
        ("heart_disease", "Heart disease", "हृदय रोग"),
        (
            "abnormal_bleeding",
            "Abnormal bleeding tendency",
            "असामान्य रक्तस्राव की प्रवृत्ति",
        ),
        (
            "unexplained_weight_loss",
            "Unexplained weight loss",
            "अकारण वज़न घटना",
        ),
        (
            "insulin_treated_diabetes",
            "Diabetes on insulin",
            "इंसुलिन पर निर्भर मधुमेह",
        ),
        ("hepatitis_b", "Hepatitis B", "हेपेटाइटिस B"),
        ("hepatitis_c", "Hepatitis C", "हेपेटाइटिस C"),
        ("hiv", "HIV infection", "एचआईवी संक्रमण"),
        (
            "chronic_kidney_disease",
            "Chronic kidney disease",
            "दीर्घकालिक गुर्दा रोग",
        ),
        (
            "liver_disease",
            "Chronic liver disease",
            "दीर्घकालिक यकृत (लिवर) रोग",
        ),
        ("tuberculosis", "Tuberculosis", "क्षय रोग (टीबी)"),
        (
            "polycythaemia_vera",
            "Polycythaemia vera",
            "पॉलीसाइथीमिया वेरा",
        ),
        ("asthma", "Asthma", "दमा (अस्थमा)"),
        (
            "asthma_on_steroids",
            "Asthma treated with steroids",
            "स्टेरॉयड से उपचारित दमा (अस्थमा)",
        ),
        (
            "transplant_recipient",
            "Organ or stem-cell transplant recipient",
            "अंग या स्टेम सेल प्रत्यारोपण प्राप्तकर्ता",
        ),
        ("epilepsy", "Epilepsy", "मिर्गी"),
        ("leprosy", "Leprosy", "कुष्ठ रोग"),
        ("schizophrenia", "Schizophrenia", "सिज़ोफ्रेनिया"),
        (
            "endocrine_disorder",
            "Endocrine disorder",
            "अंतःस्रावी (एंडोक्राइन) विकार",
        ),
        (
            "transfused_since_1980",
            "Transfusion or transplant since 1980",
            "1980 के बाद रक्त या अंग प्राप्त किया",
        ),
        ("prion_risk", "Risk of prion disease", "प्रियॉन रोग का जोखिम"),
    ];
    lookup(T, value, lang)
}

fn marker_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("hiv", "anti-HIV-1/2", "एंटी-HIV-1/2"),
        ("hiv_nat", "HIV NAT", "HIV NAT"),
        ("hbsag", "HBsAg", "HBsAg"),
        ("anti_hbc", "anti-HBc", "एंटी-HBc"),
        ("hbv_nat", "HBV NAT", "HBV NAT"),
        ("hcv", "anti-HCV", "एंटी-HCV"),
        ("hcv_nat", "HCV NAT", "HCV NAT"),
        ("htlv", "anti-HTLV-I/II", "एंटी-HTLV-I/II"),
        ("syphilis", "Syphilis", "सिफलिस"),
        ("malaria", "Malaria", "मलेरिया"),
        ("wnv", "West Nile virus NAT", "वेस्ट नाइल वायरस NAT"),
        ("chagas", "Chagas (T. cruzi)", "शागास (T. cruzi)"),
        ("hev", "HEV RNA", "HEV RNA"),
    ];
    lookup(T, value, lang)
}

fn result_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("non_reactive", "non-reactive", "नॉन-रिएक्टिव"),
        (
            "initially_reactive",
            "initially reactive",
            "पहली जाँच में रिएक्टिव",
        ),
        (
            "repeat_reactive",
            "repeat reactive",
            "दोबारा जाँच में भी रिएक्टिव",
        ),
        ("indeterminate", "indeterminate", "अनिर्णीत"),
        ("not_tested", "not tested", "जाँच नहीं हुई"),
    ];
    lookup(T, value, lang)
}

/// What a referral is about: `event:<kind>`, `condition:<c>`, `interval:<kind>`,
/// `weight:<kind>`, `marker:<m>`.
fn subject_text(value: &str, lang: Lang) -> String {
    let (what, code) = value.split_once(':').unwrap_or((value, ""));
    match (what, lang) {
        ("event", _) => deferral_kind_text(code, lang).to_lowercase(),
        ("condition", _) => condition_text(code, lang).to_lowercase(),
        ("marker", Lang::En) => format!("a reactive {} result", marker_text(code, lang)),
        ("marker", Lang::Hi) => format!("रिएक्टिव {} परिणाम", marker_text(code, lang)),
        ("interval", Lang::En) => format!("the interval before {}", donation_kind_text(code, lang)),
        ("interval", Lang::Hi) => format!("{} से पहले का अंतर", donation_kind_text(code, lang)),
        ("weight", Lang::En) => format!("the weight limit for {}", donation_kind_text(code, lang)),
        ("weight", Lang::Hi) => format!("{} की वज़न सीमा", donation_kind_text(code, lang)),
        _ => value.to_string(),
    }
}

fn criterion_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        (
            "systolic_mmhg",
            "Systolic blood pressure",
            "सिस्टोलिक रक्तचाप",
        ),
        (
            "diastolic_mmhg",
            "Diastolic blood pressure",
            "डायस्टोलिक रक्तचाप",
        ),
        ("pulse_bpm", "Pulse", "नाड़ी"),
        ("temperature_c", "Temperature", "शरीर का तापमान"),
    ];
    lookup(T, value, lang)
}

fn donor_group_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        (
            "first_time",
            "first-time donors",
            "पहली बार रक्तदान करने वालों",
        ),
        ("repeat", "repeat donors", "नियमित दाताओं"),
        ("apheresis", "apheresis", "एफेरेसिस"),
    ];
    lookup(T, value, lang)
}

fn family_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("whole_blood", "whole-blood", "होल ब्लड"),
        ("apheresis", "apheresis", "एफेरेसिस"),
        ("double_red_cells", "double red-cell", "डबल रेड सेल"),
    ];
    lookup(T, value, lang)
}

fn discard_text(value: &str, lang: Lang) -> &str {
    const T: &[(&str, &str, &str)] = &[
        ("expired", "expired", "समय-सीमा समाप्त"),
        ("tti_reactive", "reactive TTI screening", "TTI जाँच रिएक्टिव"),
        (
            "under_collected",
            "under-collected (quantity not sufficient)",
            "कम मात्रा में संग्रह (QNS)",
        ),
        ("leakage", "leakage or damaged bag", "रिसाव या क्षतिग्रस्त बैग"),
        ("haemolysed", "haemolysed", "हीमोलाइज़्ड"),
        ("lipaemic", "lipaemic", "लाइपेमिक"),
        ("clotted", "clotted", "थक्का जमा हुआ"),
        ("cold_chain_break", "cold-chain break", "कोल्ड चेन टूटी"),
        ("returned_too_late", "returned too late", "देर से लौटाई गई"),
    ];
    lookup(T, value, lang)
}
