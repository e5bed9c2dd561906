//! Credits in French, Spanish, German, Portuguese and Italian, read by the same forms and in
//! the same positions as English ones; and the same non-credits: a quote given to the agency,
//! a picture credit, the agency named inside the text.

use super::testing::*;

/// Fictional paragraphs of each language, to stand around the credit.
const FR: [&str; 3] = [
    "La ville fictive de Lormière a inauguré mardi une passerelle au-dessus de la rivière.",
    "Les habitants attendaient depuis près de dix ans cet ouvrage qui relie la place à la gare.",
    "La maire, Ada Quillet, a assuré que la passerelle verrait passer deux mille piétons par jour.",
];
const ES: [&str; 3] = [
    "La ciudad ficticia de Lomera inauguró el martes una pasarela sobre el río Verde.",
    "Los vecinos esperaban desde hacía casi una década el paso, que une la plaza con la estación.",
    "La alcaldesa, Ada Quiroga, dijo que la pasarela tendrá unos dos mil peatones al día.",
];
const DE: [&str; 3] = [
    "Die fiktive Stadt Lohmern hat am Dienstag eine Fußgängerbrücke über den Fluss eröffnet.",
    "Die Anwohner hatten fast zehn Jahre auf die Brücke gewartet, die den Markt mit dem Bahnhof verbindet.",
    "Bürgermeisterin Ada Quell sagte, täglich würden etwa zweitausend Menschen die Brücke nutzen.",
];
const PT: [&str; 3] = [
    "A cidade fictícia de Lomeira inaugurou na terça-feira uma ponte pedonal sobre o rio.",
    "Os moradores esperavam há quase dez anos pela travessia, que liga a praça à estação.",
    "A presidente da câmara, Ada Quintela, disse que a ponte terá cerca de dois mil peões por dia.",
];
const IT: [&str; 3] = [
    "La città immaginaria di Lomera ha inaugurato martedì una passerella sul fiume.",
    "I residenti aspettavano da quasi dieci anni l'opera, che collega la piazza alla stazione.",
    "La sindaca, Ada Quilici, ha detto che la passerella vedrà passare duemila pedoni al giorno.",
];

/// `sentence` as the second of five paragraphs: in the body, away from either end.
fn in_body(p: [&str; 3], sentence: &str) -> String {
    paras(&[p[0], sentence, p[1], p[2], p[0], p[1], p[2], p[0]])
}

#[test]
fn attribution_before_the_agency() {
    let cases = [
        (
            FR,
            "Le chantier a coûté deux millions d'euros, selon l'AFP.",
            "AFP",
            "selon l'AFP",
        ),
        (
            FR,
            "Le chantier a coûté deux millions, selon l'agence AFP.",
            "AFP",
            "selon l'agence AFP",
        ),
        (
            FR,
            "D'après l'AFP, le chantier a coûté deux millions.",
            "AFP",
            "D'après l'AFP",
        ),
        (
            ES,
            "La obra costó dos millones de euros, según EFE.",
            "EFE",
            "según EFE",
        ),
        (
            ES,
            "La obra costó dos millones, según la agencia EFE.",
            "EFE",
            "según la agencia EFE",
        ),
        (
            ES,
            "SEGÚN EFE, la obra costó dos millones.",
            "EFE",
            "SEGÚN EFE",
        ),
        (
            DE,
            "Der Bau kostete laut dpa zwei Millionen Euro.",
            "dpa",
            "laut dpa",
        ),
        (
            DE,
            "Der Bau kostete laut der Nachrichtenagentur dpa zwei Millionen Euro.",
            "dpa",
            "laut der Nachrichtenagentur dpa",
        ),
        (
            PT,
            "A obra custou dois milhões de euros, segundo a Lusa.",
            "Lusa",
            "segundo a Lusa",
        ),
        (
            PT,
            "A obra custou dois milhões, segundo a agência Lusa.",
            "Lusa",
            "segundo a agência Lusa",
        ),
        (
            IT,
            "L'opera è costata due milioni di euro, secondo l'ANSA.",
            "ANSA",
            "secondo l'ANSA",
        ),
        (
            IT,
            "L'opera è costata due milioni, secondo l\u{2019}ANSA.",
            "ANSA",
            "secondo l\u{2019}ANSA",
        ),
    ];
    for (p, sentence, agency, phrase) in cases {
        assert_credit(&in_body(p, sentence), agency, "according_to", phrase);
    }
}

#[test]
fn attribution_after_a_clause_and_after_the_agency() {
    let cases = [
        (
            FR,
            "Le chantier a coûté deux millions d'euros, a indiqué l'AFP.",
            "AFP",
            "a indiqué l'AFP",
        ),
        (
            FR,
            "« Le pont tiendra », rapporte l'AFP.",
            "AFP",
            "rapporte l'AFP",
        ),
        (
            ES,
            "La obra costó dos millones de euros, informó la agencia EFE.",
            "EFE",
            "informó la agencia EFE",
        ),
        (
            ES,
            "La obra costó dos millones, informa EFE.",
            "EFE",
            "informa EFE",
        ),
        (
            DE,
            "Der Bau kostete zwei Millionen Euro, berichtete die Nachrichtenagentur dpa.",
            "dpa",
            "berichtete die Nachrichtenagentur dpa",
        ),
        (
            DE,
            "Wie dpa berichtete, kostete der Bau zwei Millionen Euro.",
            "dpa",
            "dpa berichtete",
        ),
        (
            DE,
            "Der dpa zufolge kostete der Bau zwei Millionen Euro.",
            "dpa",
            "dpa zufolge",
        ),
        (
            PT,
            "A obra custou dois milhões de euros, informou a agência Lusa.",
            "Lusa",
            "informou a agência Lusa",
        ),
        (
            PT,
            "A obra custou dois milhões, noticiou a Lusa.",
            "Lusa",
            "noticiou a Lusa",
        ),
        (
            IT,
            "L'opera è costata due milioni di euro, riferisce l'ANSA.",
            "ANSA",
            "riferisce l'ANSA",
        ),
        (
            IT,
            "L'opera è costata due milioni, ha riferito l'ANSA.",
            "ANSA",
            "ha riferito l'ANSA",
        ),
    ];
    for (p, sentence, agency, phrase) in cases {
        assert_credit(&in_body(p, sentence), agency, "according_to", phrase);
    }
}

#[test]
fn with_the_agency_and_with_agencies() {
    let cases = [
        (FR, "(avec AFP)", "AFP", "(avec AFP)"),
        (FR, "(Avec l'AFP)", "AFP", "(Avec l'AFP)"),
        (
            ES,
            "(Con información de EFE)",
            "EFE",
            "(Con información de EFE)",
        ),
        (DE, "Mit Material von dpa", "dpa", "Mit Material von dpa"),
        (PT, "(com Lusa)", "Lusa", "(com Lusa)"),
        (IT, "(con ANSA)", "ANSA", "(con ANSA)"),
    ];
    for (p, line, agency, phrase) in cases {
        let text = paras(&[p[0], p[1], p[2], line]);
        assert_credit(&text, agency, "with_inputs", phrase);
    }
    for (p, line, phrase) in [
        (FR, "(avec agences)", "(avec agences)"),
        (FR, "Avec agences", "Avec agences"),
        (ES, "(con agencias)", "(con agencias)"),
        (
            DE,
            "(mit Material von Agenturen)",
            "(mit Material von Agenturen)",
        ),
        (PT, "(com agências)", "(com agências)"),
        (IT, "(con agenzie)", "(con agenzie)"),
    ] {
        let text = paras(&[p[0], p[1], p[2], line]);
        assert_credit(&text, "agencies", "with_inputs", phrase);
    }
    let trailing = paras(&[FR[0], FR[1], &format!("{} (avec agences)", FR[2])]);
    assert_credit(&trailing, "agencies", "with_inputs", "(avec agences)");
    // Agencies named in a sentence are not a credit.
    assert_none(&in_body(
        FR,
        "La mairie travaille avec agences et associations sur le projet depuis deux ans.",
    ));
    assert_none(&in_body(
        FR,
        "La mairie a signé un partenariat avec l'AFP pour ses archives.",
    ));
}

#[test]
fn datelines_and_signs_off() {
    let cases = [
        (format!("PARIS (AFP) - {}", FR[0]), "AFP", "PARIS (AFP) -"),
        (
            format!("Madrid, 3 may (EFE).- {}", ES[0]),
            "EFE",
            "Madrid, 3 may (EFE).-",
        ),
        (format!("Berlin (dpa) - {}", DE[0]), "dpa", "Berlin (dpa) -"),
        (
            format!("Hamburg (dpa/lno) - {}", DE[0]),
            "dpa",
            "Hamburg (dpa/lno) -",
        ),
        (
            format!("Lisboa, 12 mai (Lusa) - {}", PT[0]),
            "Lusa",
            "Lisboa, 12 mai (Lusa) -",
        ),
        (
            format!("(ANSA) - ROMA, 12 MAG - {}", IT[0]),
            "ANSA",
            "(ANSA) -",
        ),
    ];
    for (lead, agency, phrase) in cases {
        let p = [FR[1], ES[1], DE[1]];
        assert_credit(
            &paras(&[&lead, p[0], p[1], p[2]]),
            agency,
            "dateline",
            phrase,
        );
    }
    let parenthetical = paras(&[
        &format!("Die Brücke ist offen (dpa). {}", DE[0]),
        DE[1],
        DE[2],
    ]);
    assert_credit(&parenthetical, "dpa", "parenthetical", "(dpa)");
    let signed = paras(&[IT[0], IT[1], &format!("{} (ANSA).", IT[2])]);
    assert_credit(&signed, "ANSA", "sign_off", "(ANSA).");
}

#[test]
fn quotes_given_to_the_agency_are_not_credits() {
    for (p, sentence) in [
        (
            FR,
            "« Le pont tiendra », a déclaré à l'AFP la maire de Lormière.",
        ),
        (FR, "La maire a déclaré à l'AFP que le pont tiendrait."),
        (FR, "Le pont tiendra, a-t-elle indiqué à l'AFP."),
        (ES, "La alcaldesa dijo a EFE que el puente aguantará."),
        (
            ES,
            "El puente aguantará, informó a EFE un portavoz municipal.",
        ),
        (DE, "Die Brücke halte, sagte die Bürgermeisterin der dpa."),
        (
            DE,
            "Die Bürgermeisterin sagte der Deutschen Presse-Agentur, die Brücke halte.",
        ),
        (
            PT,
            "A presidente da câmara disse à Lusa que a ponte vai aguentar.",
        ),
        (
            PT,
            "A ponte vai aguentar, informou à Lusa fonte da autarquia.",
        ),
        (
            IT,
            "La sindaca ha detto all'ANSA che la passerella reggerà.",
        ),
        (
            IT,
            "La passerella reggerà, ha dichiarato la sindaca all'ANSA.",
        ),
        // An earlier report recalled in copied text, or the agency inside a quotation.
        (
            FR,
            "« Selon l'AFP, le pont est fragile », a ironisé la maire.",
        ),
        (
            DE,
            "„Laut dpa ist die Brücke marode“, sagte die Bürgermeisterin.",
        ),
    ] {
        assert_none(&in_body(p, sentence));
    }
}

#[test]
fn picture_credits_are_not_credits() {
    for (p, caption) in [
        (FR, "Photo AFP"),
        (FR, "La passerelle de Lormière, mardi. Photo AFP/Archives"),
        (DE, "Foto: dpa"),
        (DE, "Die neue Brücke in Lohmern. Foto: dpa/Ada Quell"),
        (ES, "Foto: EFE"),
        (ES, "Imagen de archivo EFE"),
        (PT, "Foto: Lusa"),
        (IT, "Foto ANSA"),
    ] {
        assert_none(&paras(&[p[0], caption, p[1], p[2]]));
    }
}

#[test]
fn the_portuguese_adjective_lusa_is_not_the_agency() {
    assert_none(&in_body(
        PT,
        "A ponte foi desenhada por um gabinete da capital lusa, segundo a imprensa lusa.",
    ));
}
