#!/usr/bin/env python3
"""Generate realistic Danish demo listings for Holstebro (0661) and Vejle (0630).

Deterministic: uses random.Random(2026). Standard library only.
Writes data/demo/listings.json relative to the repository root.
Rerun:  python3 tools/demo-data/generate_demo.py
"""
import csv
import json
import math
import os
import random
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
POSTCODES_CSV = os.path.join(ROOT, "data", "geo", "postcodes.csv")
OUT = os.path.join(ROOT, "data", "demo", "listings.json")

rng = random.Random(2026)

MUNI = {"0661": ["7500", "7570", "7830", "6990"],
        "0630": ["6040", "7080", "7100", "7120", "7173", "7182", "7183", "7184",
                 "7300", "7321", "7323"]}

# Local place names used in association names (the city field is always the postcode's name).
PLACES = {
    "7500": ["Holstebro", "Holstebro", "Holstebro", "Tvis", "Mejrup", "Måbjerg", "Nr. Felding", "Sir"],
    "7570": ["Vemb", "Vemb", "Bur"],
    "7830": ["Vinderup", "Vinderup", "Sevel", "Ejsing"],
    "6990": ["Ulfborg", "Ulfborg", "Thorsminde", "Staby"],
    "7100": ["Vejle", "Vejle", "Vejle", "Grejs", "Skibet", "Hover", "Nørremarken", "Søndermarken"],
    "7120": ["Vejle Øst", "Bredballe", "Tirsbæk"],
    "6040": ["Egtved", "Egtved", "Ødsted"],
    "7080": ["Børkop", "Børkop", "Brejning", "Gauerslund"],
    "7173": ["Vonge"],
    "7182": ["Bredsten"],
    "7183": ["Randbøl"],
    "7184": ["Vandel"],
    "7300": ["Jelling", "Jelling", "Hvejsel"],
    "7321": ["Gadbjerg"],
    "7323": ["Give", "Give", "Thyregod", "Farre"],
}

# Venues per postcode: (type, name, address). Types are referenced by the activity templates.
VENUES = {
    "7500": [
        ("kultur", "Kulturhuset", "Nørregade 12"),
        ("medborger", "Medborgerhuset Nørreland", "Nørrelandsvej 40"),
        ("medborger", "Medborgerhuset i Sønderland", "Sønderlandsvej 22"),
        ("aktiv", "Aktivitetscentret Poppelgården", "Poppelvej 8"),
        ("aktiv", "Aktivitetscentret Lystrup", "Lystrupvej 3"),
        ("aeldre", "Ældrecentret Solgården", "Solvej 2"),
        ("aeldre", "Plejecentret Bjergbakken", "Bjergbakken 14"),
        ("sogn", "Sognegården ved Holstebro Kirke", "Kirkestræde 3"),
        ("sogn", "Nørrelandskirkens sognegård", "Kirkevej 21"),
        ("sogn", "Tvis Sognehus", "Tvis Kirkevej 4"),
        ("sogn", "Mejrup Kirkecenter", "Mejrupvej 60"),
        ("hal", "Holstebro Hallen", "Idrætsvej 5"),
        ("hal", "Tvis Hallen", "Skolevej 9"),
        ("bib", "Holstebro Bibliotek", "Kirkestræde 2"),
        ("multi", "Multihuset Måbjerg", "Måbjergvej 38"),
        ("forsamling", "Nr. Felding Forsamlingshus", "Bygaden 17"),
        ("forsamling", "Sir Forsamlingshus", "Sir Bygade 6"),
        ("svoem", "Holstebro Svømmehal", "Sportsvej 2"),
        ("frivillig", "Frivilligcenter Holstebro", "Sønderbrogade 15"),
        ("museum", "Holstebro Museum", "Museumsvej 2"),
        ("klub", "Klubhuset ved Lægården", "Lægårdvej 100"),
        ("natur", "P-pladsen ved Storåen", "Nørre Boulevard 1"),
        ("natur", "Indgangen til Lystanlægget", "Søndergade 30"),
        ("natur", "Tvis Mølle, P-pladsen", "Tvis Møllevej 2"),
        ("bowling", "Holstebro Bowlingcenter", "Brogårdsvej 10"),
        ("have", "Fælleshaven ved Mejdal", "Mejdalvej 77"),
        ("skole", "Sir Skole, sløjdlokalet", "Skolegade 4"),
    ],
    "7570": [
        ("forsamling", "Vemb Forsamlingshus", "Bygaden 22"),
        ("hal", "Vemb Hallen", "Idrætsvej 3"),
        ("sogn", "Vemb Præstegård", "Kirkevej 5"),
        ("aeldre", "Vemb Ældrecenter", "Engvej 10"),
        ("natur", "Stationen i Vemb", "Stationsvej 1"),
        ("strand", "P-pladsen ved Bjerghuse", "Bjerghusevej 40"),
        ("multi", "Bur Borgerhus", "Bur Bygade 11"),
        ("skole", "Vemb Skole", "Skolegade 8"),
    ],
    "7830": [
        ("kultur", "Vinderup Kulturhus", "Søndergade 14"),
        ("hal", "Vinderup Hallen", "Hallevej 2"),
        ("aktiv", "Aktivitetscentret Bøgely", "Bøgevej 4"),
        ("sogn", "Vinderup Sognehus", "Kirkegade 7"),
        ("sogn", "Sevel Præstegård", "Sevel Kirkevej 2"),
        ("forsamling", "Ejsing Forsamlingshus", "Ejsing Bygade 19"),
        ("bib", "Vinderup Bibliotek", "Torvet 3"),
        ("natur", "P-pladsen ved Sevel Kirke", "Sevel Kirkevej 1"),
        ("natur", "Stationspladsen", "Stationsvej 2"),
        ("svoem", "Vinderup Svømmehal", "Hallevej 4"),
        ("museum", "Sevel Lokalhistoriske Arkiv", "Sevel Bygade 12"),
    ],
    "6990": [
        ("multi", "Ulfborg Multihus", "Søndergade 9"),
        ("hal", "Ulfborg Hallen", "Idrætsvej 1"),
        ("aeldre", "Ulfborg Ældrecenter", "Kirkegade 20"),
        ("sogn", "Ulfborg Sognegård", "Kirkegade 4"),
        ("forsamling", "Staby Forsamlingshus", "Staby Kirkevej 8"),
        ("strand", "Thorsminde Havn, ved fiskeauktionen", "Havnevej 2"),
        ("natur", "P-pladsen i Ulfborg Plantage", "Plantagevej 6"),
        ("bib", "Ulfborg Bibliotek", "Østergade 2"),
        ("klub", "Thorsminde Bådelaug, klubhuset", "Havnevej 14"),
    ],
    "7100": [
        ("kultur", "Kulturhuset Spinderiet", "Havnegade 8"),
        ("medborger", "Medborgerhuset Nørremarken", "Nørremarksvej 61"),
        ("medborger", "Medborgerhuset i Søndermarken", "Søndermarksvej 44"),
        ("aktiv", "Aktivitetscentret Grønnegården", "Grønnegade 12"),
        ("aktiv", "Aktivitetscentret Vindinghus", "Vindingvej 31"),
        ("aktiv", "Aktivitetscentret Hældagerhus", "Hældagervej 9"),
        ("aeldre", "Ældrecentret Kirkebakken", "Kirkebakken 3"),
        ("aeldre", "Plejecentret Søndergården", "Sønderbrogade 51"),
        ("sogn", "Sognegården ved Sankt Nicolai Kirke", "Kirketorvet 4"),
        ("sogn", "Nørremarks Kirkes sognegård", "Vestergade 108"),
        ("sogn", "Søndermarkskirkens menighedshus", "Bjerget 2"),
        ("sogn", "Grejs Sognehus", "Grejsdalsvej 300"),
        ("sogn", "Skibet Kirkes sognelokaler", "Skibet Kirkevej 1"),
        ("hal", "Vejle Idrætscenter, hal 3", "Stadionallé 3"),
        ("hal", "Hover Hallen", "Hovervej 12"),
        ("bib", "Vejle Bibliotek", "Willy Sørensens Plads 1"),
        ("bib", "Biblioteket, lokalafdeling Nørremarken", "Sjællandsgade 20"),
        ("multi", "Multihuset Skibet", "Skibet Bygade 22"),
        ("forsamling", "Hover Forsamlingshus", "Hover Bygade 30"),
        ("svoem", "Vejle Svømmehal", "Stadionallé 5"),
        ("frivillig", "Frivilligcenter Vejle", "Kirkegade 5"),
        ("museum", "Vejle Museum", "Flegborg 18"),
        ("klub", "Klubhuset ved Nørreskoven", "Nørreskovvej 10"),
        ("klub", "Petanquebanerne i Søndermarken", "Søndermarksvej 40"),
        ("natur", "P-pladsen ved Nørreskoven", "Nørreskovvej 2"),
        ("natur", "Indgangen til Munkebjergskoven", "Strandvejen 200"),
        ("natur", "Vejle Å ved Sønderbrogade", "Sønderbrogade 20"),
        ("natur", "Grejsdalen, P-pladsen ved Grejs Mølle", "Grejsdalsvej 360"),
        ("bowling", "Vejle Bowlingcenter", "Vestre Engvej 6"),
        ("have", "Fællesnyttehaven i Nørremarken", "Fynsgade 33"),
        ("skole", "Vejle Daghøjskole, lokale 2", "Boulevarden 18"),
    ],
    "7120": [
        ("medborger", "Medborgerhuset Bredballe", "Bredballe Centervej 6"),
        ("aktiv", "Aktivitetscentret Tirsbæk", "Tirsbækvej 12"),
        ("sogn", "Bredballe Kirkes sognegård", "Kirkebakken 10"),
        ("strand", "Badebroen ved Tirsbæk Strand", "Tirsbæk Strandvej 1"),
        ("strand", "P-pladsen ved Bredballe Strand", "Strandgårdsvej 4"),
        ("hal", "Bredballe Hallen", "Bredballevej 30"),
        ("klub", "Petanquebanen ved Bredballe Centret", "Bredballe Centervej 8"),
    ],
    "6040": [
        ("kultur", "Egtved Kulturhus", "Egtved Allé 6"),
        ("hal", "Egtvedhallen", "Hallevej 1"),
        ("sogn", "Egtved Sognehus", "Kirkegade 9"),
        ("aeldre", "Ældrecentret Egtvedhjemmet", "Skolegade 15"),
        ("bib", "Egtved Bibliotek", "Egtved Allé 8"),
        ("natur", "P-pladsen ved Egtvedpigens Grav", "Egtvedpigens Vej 2"),
        ("forsamling", "Ødsted Forsamlingshus", "Ødsted Bygade 14"),
    ],
    "7080": [
        ("kultur", "Børkop Medborgerhus", "Ullerupvej 5"),
        ("hal", "Børkop Hallen", "Skolevej 4"),
        ("sogn", "Gauerslund Sognegård", "Gauerslundvej 21"),
        ("aeldre", "Ældrecentret Solgaven", "Kirkevej 12"),
        ("strand", "P-pladsen ved Brejning Strand", "Strandvejen 80"),
        ("natur", "Børkop Vandmølle", "Vandmøllevej 3"),
        ("bib", "Børkop Bibliotek", "Sportsvej 1"),
        ("klub", "Brejning Petanqueklub, klubhuset", "Brejning Strandvej 12"),
    ],
    "7173": [
        ("forsamling", "Vonge Forsamlingshus", "Vongevej 21"),
        ("sogn", "Vonge Kirkehus", "Kirkevej 3"),
        ("natur", "P-pladsen ved Vonge Hallen", "Idrætsvej 2"),
    ],
    "7182": [
        ("forsamling", "Bredsten Forsamlingshus", "Bredsten Bygade 40"),
        ("hal", "Bredsten Hallen", "Idrætsvej 6"),
        ("aeldre", "Bredsten Ældrecenter", "Skolegade 11"),
        ("sogn", "Bredsten Sognegård", "Kirkevej 8"),
    ],
    "7183": [
        ("forsamling", "Randbøl Forsamlingshus", "Randbølvej 120"),
        ("natur", "P-pladsen ved Randbøl Hede", "Hedevej 4"),
        ("sogn", "Randbøl Præstegård", "Kirkevej 1"),
    ],
    "7184": [
        ("multi", "Vandel Borgerhus", "Vandel Bygade 27"),
        ("natur", "Vandel Plantage, P-pladsen ved Kirkevej", "Kirkevej 50"),
        ("hal", "Vandel Hallen", "Skolevej 3"),
    ],
    "7300": [
        ("kultur", "Jelling Kulturhus", "Gormsgade 10"),
        ("hal", "Jelling Hallen", "Fritidsvej 2"),
        ("sogn", "Jelling Sognehus", "Kirkestræde 2"),
        ("aeldre", "Ældrecentret Fårupparken", "Fårupvej 18"),
        ("natur", "P-pladsen ved Fårup Sø", "Fårupvej 60"),
        ("bib", "Jelling Bibliotek", "Gormsgade 12"),
        ("museum", "Jelling Lokalhistoriske Arkiv", "Stationsvej 6"),
        ("forsamling", "Hvejsel Forsamlingshus", "Hvejselvej 51"),
    ],
    "7321": [
        ("forsamling", "Gadbjerg Forsamlingshus", "Hovedgaden 33"),
        ("sogn", "Gadbjerg Præstegård", "Kirkevej 2"),
        ("hal", "Gadbjerg Hallen", "Skolevej 10"),
    ],
    "7323": [
        ("kultur", "Give Kulturhus", "Vestergade 2"),
        ("hal", "Give Hallen", "Kirkegade 30"),
        ("aktiv", "Aktivitetscentret Give Kærpark", "Kærparken 1"),
        ("sogn", "Give Sognegård", "Kirkegade 14"),
        ("forsamling", "Thyregod Forsamlingshus", "Thyregod Bygade 5"),
        ("forsamling", "Farre Forsamlingshus", "Farrevej 20"),
        ("natur", "P-pladsen ved Give Skovene", "Skovvej 1"),
        ("bib", "Give Bibliotek", "Torvet 4"),
        ("svoem", "Give Svømmehal", "Kirkegade 32"),
    ],
}

FIRST_F = ["Inge", "Hanne", "Kirsten", "Birthe", "Grethe", "Karen", "Lis", "Jytte", "Lone",
           "Annelise", "Aase", "Else", "Ruth", "Bodil", "Tove", "Vibeke", "Merete", "Susanne",
           "Anne", "Marianne", "Birgit", "Ingrid", "Dorthe", "Gitte", "Lene", "Bente", "Ulla",
           "Gerda", "Anna", "Eva", "Solveig", "Mette", "Jette", "Hanne Marie", "Elin", "Rita",
           "Connie", "Winnie", "Britta", "Karin", "Kamma", "Ellen"]
FIRST_M = ["Bent", "Jørgen", "Poul", "Ole", "Erik", "Niels", "Preben", "Finn", "Knud", "Mogens",
           "Henning", "Leif", "Kurt", "Svend", "Hans", "Jens", "Carsten", "Torben", "Per", "Kaj",
           "Arne", "Børge", "Flemming", "Villy", "Jørn", "Steen", "Bjarne", "Gunnar", "Aksel",
           "Frede", "Egon", "Verner", "Peder", "Kristian", "Anders", "Holger", "Ib", "Søren"]
SURNAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
            "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
            "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen",
            "Jakobsen", "Mikkelsen", "Laursen", "Frandsen", "Bach", "Kjær", "Vestergaard", "Dahl",
            "Lund", "Holm", "Damgaard", "Skov", "Bak", "Nørgaard", "Lauridsen", "Østergaard",
            "Toft", "Bertelsen", "Iversen", "Sand", "Kjeldsen", "Gregersen", "Brødsgaard",
            "Overgaard", "Krogh", "Høj", "Bundgaard", "Ebbesen", "Lykke"]
MOBILE_PREFIX = ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40",
                 "41", "42", "50", "51", "52", "53", "60", "61", "71", "81", "91", "93"]

DAY_DA = {"mon": "mandag", "tue": "tirsdag", "wed": "onsdag", "thu": "torsdag",
          "fri": "fredag", "sat": "lørdag", "sun": "søndag"}
ORD_DA = {1: "første", 2: "anden", 3: "tredje", 4: "fjerde", -1: "sidste"}


# ---------------------------------------------------------------------------
# Activity templates
# ---------------------------------------------------------------------------
# A template: titles, core (first sentence alternatives), extra (further sentences),
# int/int_opt (interests), tg/tg_opt (target groups), sched (weights for weekly, fortnightly,
# monthly, none), days, times, price (price kinds), venue (venue types), pickup (probability),
# acc (extra accessibility codes), welcome (probability), notes (schedule notes).

def A(titles, core, extra=(), int_=("social",), int_opt=(), tg=("seniors",), tg_opt=(),
      sched=(80, 10, 10, 0), days=("mon", "tue", "wed", "thu"), times=(("10:00", "11:30"),),
      price=("free", "coffee"), venue=("medborger",), pickup=0.08, acc=(), welcome=0.5,
      notes=(), home=False, key=None):
    return dict(titles=list(titles), core=list(core), extra=list(extra), int=list(int_),
                int_opt=list(int_opt), tg=list(tg), tg_opt=list(tg_opt), sched=sched,
                days=list(days), times=list(times), price=list(price), venue=list(venue),
                pickup=pickup, acc=list(acc), welcome=welcome, notes=list(notes), home=home,
                key=key)


NONE = (0, 0, 0, 100)
MOSTLY_W = (85, 8, 7, 0)
MONTHLY = (0, 10, 90, 0)
FORTN = (20, 80, 0, 0)

# --- shared templates -------------------------------------------------------
T_BESOEG = A(["Få en besøgsven", "Besøgsven", "Besøgsvenner – en fast ven, der kommer forbi",
              "Vil du have besøg?", "Besøgstjenesten", "En besøgsven til en snak og en kop kaffe"],
             ["En frivillig besøgsven kommer hjem til dig hver eller hver anden uge til en snak, en gåtur eller et spil kort.",
              "Savner du nogen at snakke med? Vi finder en besøgsven, der passer til dig.",
              "Vores besøgsvenner er almindelige mennesker, som gerne vil bruge et par timer om ugen sammen med en, der sidder meget alene.",
              "Besøgstjenesten formidler faste besøg af en frivillig, som har tavshedspligt og er godkendt af foreningen.",
              "Har du lyst til selskab i hverdagen, kan du få en besøgsven, der kommer hjem til dig."],
             ["Vi tager først en snak med dig, så vi kan finde en, der passer til dig.",
              "I aftaler selv, hvad I vil bruge tiden på – mange drikker kaffe, går en tur eller ser gamle billeder.",
              "Det koster ikke noget at få en besøgsven.",
              "Pårørende og hjemmeplejen er velkomne til at henvise.",
              "Der kan være lidt ventetid, men vi gør vores bedste.",
              "Besøgsvennen kommer typisk en gang om ugen i 1-2 timer."],
             int_=("visiting_friend",), int_opt=("social",), tg=("seniors", "living_alone"),
             tg_opt=("bereaved", "newcomers"), sched=NONE, price=("free",), welcome=0.7,
             notes=("Efter aftale", "Ring og hør nærmere", "Besøg aftales med den enkelte"),
             home=True, key="besoeg")
T_BESOEG_HUND = A(["Besøgsven med hund", "Besøgshunde", "Besøg af en frivillig og hendes hund"],
             ["Holder du af dyr? En frivillig kommer på besøg sammen med sin rolige hund.",
              "Vores besøgshunde er testede og vant til at komme i private hjem og på plejecentre."],
             ["Hunden må gerne klappes – og komme med på en lille tur rundt om blokken.",
              "Ring til {cf}, så finder vi en hundeven i nærheden af dig."],
             int_=("visiting_friend",), int_opt=("nature",), tg=("seniors", "living_alone"),
             sched=NONE, price=("free",), notes=("Efter aftale",), home=True, key="hund")
T_TELEFON = A(["Telefonven", "Få en telefonven", "Telefonvenner – en snak i røret",
               "Ring-en-ven", "Daglig morgenopringning", "Telefonkæden"],
              ["En fast telefonven ringer til dig en eller flere gange om ugen på et tidspunkt, I selv aftaler.",
               "Har du svært ved at komme ud af døren, kan en telefonven være en god start på en ny hverdag.",
               "Hver morgen ringer en frivillig og siger godmorgen – og hører, om alt er vel.",
               "Vi formidler telefonvenskaber mellem ældre, der bor alene, og frivillige i alle aldre.",
               "Nogle dage er lange. En telefonven ringer op til en snak om vejret, familien eller dagens nyheder.",
               "Telefonvenner er frivillige, som gerne vil ringe til dig fast – måske hver tirsdag eftermiddag eller søndag formiddag."],
              ["Samtalerne varer typisk en halv time.",
               "Du skal blot have en telefon – mobil eller fastnet.",
               "Nogle telefonvenner mødes senere til en kop kaffe, men det er helt frivilligt.",
               "Det er gratis, og du kan altid sige stop."],
              int_=("phone_friend",), int_opt=("social",), tg=("seniors", "living_alone"),
              tg_opt=("bereaved", "carers"), sched=NONE, price=("free",), welcome=0.6,
              notes=("Efter aftale", "Tidspunkt aftales med din telefonven"), home=True, key="telefon")
T_FOELGE = A(["Følgeven", "Følgevenner – vi går med dig første gang", "Få en følgeven med",
              "Følgeven til foreningslivet"],
             ["En følgeven går med dig første gang, du vil prøve en ny aktivitet, så du ikke skal gå ind ad døren alene.",
              "Det kan være svært at komme i gang igen. En frivillig følgeven henter dig og går med til aktiviteten de første gange.",
              "Har du lyst til at gå til gymnastik, sang eller fællesspisning, men tør ikke helt alene? Så få en følgeven."],
             ["Følgevennen kan også hjælpe med at bestille flextur.",
              "Vi aftaler sammen med dig, hvad du har lyst til at prøve.",
              "Ordningen er gratis.",
              "Ring til {cf} og fortæl, hvad du kunne tænke dig."],
             int_=("social",), int_opt=("volunteering",), tg=("seniors", "living_alone", "newcomers"),
             tg_opt=("bereaved",), sched=NONE, price=("free",), pickup=1.0, welcome=0.9,
             notes=("Efter aftale",), home=False, venue=("frivillig", "medborger", "kultur", "aktiv", "sogn", "forsamling", "multi"),
             key="foelge")
T_BLIV_FRIVILLIG = A(["Bliv frivillig", "Bliv besøgsven", "Vi mangler frivillige", "Frivillig blandt seniorer",
                      "Har du tid til overs?"],
                     ["Vi søger frivillige, der har lyst til at give et par timer om ugen.",
                      "Er du selv nyslået pensionist og har lyst til at gøre en forskel for andre? Så bliv frivillig hos os.",
                      "Frivilligt arbejde er en god måde at møde nye mennesker på – også hvis du er ny i byen."],
                     ["Du får en introduktion og en fast kontaktperson.",
                      "Vi mødes til erfaringsudveksling et par gange om året.",
                      "Kontakt {cf} for en uforpligtende snak."],
                     int_=("volunteering",), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers", "living_alone"),
                     sched=NONE, price=("free",), venue=("frivillig", "medborger", "kultur", "sogn", "multi", "forsamling", "aktiv"),
                     notes=("Efter aftale", "Intromøde efter aftale"), key="frivillig")
T_GAATUR = A(["Gåtur", "Gåtur i godt selskab", "Fælles gåture", "Tirsdagsgåturen", "Gåture for seniorer",
              "Gå-holdet", "Gåtur med kaffe bagefter", "Morgengåtur", "Gåture i alt slags vejr", "Gåture i roligt tempo"],
             ["Vi går en gåtur på 3-5 km i roligt tempo og venter på hinanden.",
              "Hver uge går vi en tur på skiftende ruter – korte og lange hold, så alle kan være med.",
              "Gåture i alt slags vejr. Vi går ca. en time og slutter med kaffe.",
              "Kom og gå med! Vi er en flok på 10-20, der går sammen, og snakken går lige så meget som benene.",
              "En rolig gåtur for dig, der gerne vil røre dig lidt, men ikke går så hurtigt.",
              "Vi mødes og går en tur på 5-7 km – det lange hold går lidt længere."],
             ["Tag gode sko på og husk drikkevand.",
              "Der er altid en tovholder, der kender ruten.",
              "Kaffen bagefter er frivillig, men de fleste bliver.",
              "Ruterne er på stier og fortov, og vi undgår de værste bakker.",
              "Man kan gå med rollator på den korte rute.",
              "Vi går også om vinteren, men aflyser ved glatføre."],
             int_=("walking",), int_opt=("nature", "social", "exercise"), tg=("seniors",),
             tg_opt=("living_alone", "newcomers"), sched=(80, 10, 10, 0),
             days=("mon", "tue", "wed", "thu", "fri"), times=(("09:30", "11:00"), ("10:00", "11:30"), ("14:00", "15:30"), ("09:00", "10:30")),
             price=("free", "free", "member"), venue=("natur", "natur", "strand", "medborger", "aktiv", "kultur", "sogn"),
             pickup=0.03, welcome=0.6, notes=("Aflyses ved glatføre", "Hele året", "Også i ferierne"), key="gaatur")

T_STAVGANG = A(["Stavgang", "Stavgang for begyndere", "Stavgang – kom med på holdet", "Nordic walking for seniorer"],
               ["Stavgang er en skånsom måde at få pulsen op på, og vi lærer dig teknikken.",
                "Vi går med stave i skoven og på stierne. Stave kan lånes de første gange.",
                "Stavgang i roligt tempo ca. 45 minutter, bagefter strækker vi ud sammen."],
               ["Husk vandflaske.", "Vi går i to hold efter tempo.", "Mødested ved P-pladsen."],
               int_=("walking", "exercise"), int_opt=("nature",), sched=(70, 30, 0, 0),
               days=("tue", "thu", "wed"), times=(("09:30", "10:30"), ("10:00", "11:00"), ("16:30", "17:30")),
               price=("free", "member", "per"), venue=("natur", "hal"), key="stavgang")
T_NATURVANDRING = A(["Naturvandring med guide", "Månedens vandretur", "Vandretur i {place}-egnen", "Søndagsvandring"],
                    ["En gang om måneden går vi en længere vandretur på 8-10 km med en lokal guide, der fortæller undervejs.",
                     "Vi vandrer i naturen omkring {place} og holder madpakkepause undervejs.",
                     "Vandreturene går på skiftende ruter i området – se programmet for mødested."],
                    ["Tag madpakke og kaffe med.", "Samkørsel fra mødestedet.", "Turen tager det meste af formiddagen."],
                    int_=("walking", "nature"), int_opt=("trips",), sched=(0, 10, 75, 15),
                    days=("sat", "sun", "wed"), times=(("09:00", "12:30"), ("10:00", "13:00")),
                    price=("free", "member"), venue=("natur", "strand"), key="naturvandring")
T_GAAVEN = A(["Gåven", "Find en gåven", "Gåvenner – gå sammen to og to"],
             ["Har du lyst til at gå en tur, men ikke alene? Vi finder en gåven, som bor tæt på dig.",
              "En frivillig gåven henter dig derhjemme, og I går en tur i jeres eget tempo."],
             ["I aftaler selv tid og rute.", "Gratis og uforpligtende."],
             int_=("walking",), int_opt=("visiting_friend", "social"), tg=("seniors", "living_alone"),
             sched=NONE, price=("free",), pickup=0.3, venue=("frivillig", "medborger", "natur", "aktiv"),
             notes=("Efter aftale",), key="gaaven")

T_SENIORGYM = A(["Seniorgymnastik", "Seniorgymnastik – formiddagsholdet", "Gymnastik for friske seniorer",
                 "Motion for seniorer", "Seniormotion i hallen", "Morgengymnastik", "Gymnastik 60+",
                 "Seniorgymnastik for mænd og kvinder"],
                ["Vi laver gymnastik til god musik med fokus på styrke, balance og smidighed.",
                 "Et hyggeligt hold, hvor alle laver øvelserne i eget tempo. Bagefter drikker vi kaffe i cafeteriet.",
                 "Seniorgymnastik med en uddannet instruktør. Øvelserne kan tilpasses, hvis du har ondt i knæ eller skuldre.",
                 "Kom og få rørt kroppen! Vi træner kondition, styrke og balance og griner meget undervejs.",
                 "Gymnastik for dig over 60, der vil holde dig i gang."],
                ["Tag behageligt tøj og indendørssko på.", "Holdet kører fra september til april.",
                 "Der er plads til nye – mød bare op.", "Første gang er gratis.",
                 "Vi slutter med en kop kaffe for dem, der har lyst."],
                int_=("exercise",), int_opt=("social",), tg=("seniors",), tg_opt=("men", "women"),
                sched=MOSTLY_W, days=("mon", "tue", "wed", "thu", "fri"),
                times=(("09:00", "10:00"), ("09:30", "10:30"), ("10:00", "11:00"), ("10:30", "11:30")),
                price=("season", "member", "per", "free"), venue=("hal", "hal", "aktiv", "forsamling", "multi"),
                notes=("Sæson: september til april", "Ikke i skolernes ferier", "Sommerpause juni-august"), key="seniorgym")
T_STOLEGYM = A(["Stolegymnastik", "Stolegymnastik i cafeteriet", "Gymnastik på stol", "Stolemotion"],
               ["Stolegymnastik for dig, der ikke kan stå så længe. Alle øvelser laves siddende eller med støtte i stolen.",
                "En stille og rolig time med bevægelse på stol, sang og lidt hukommelsestræning.",
                "Vi laver øvelser siddende på stol – godt for led, muskler og humør."],
               ["Der er kaffe bagefter.", "Du kan sagtens være med, selvom du bruger rollator eller kørestol.",
                "Instruktøren er fysioterapeut."],
               int_=("exercise",), int_opt=("social", "music"), tg=("seniors",), tg_opt=("dementia",),
               sched=MOSTLY_W, days=("mon", "tue", "wed", "thu", "fri"), times=(("10:00", "10:45"), ("10:30", "11:15"), ("13:30", "14:15")),
               price=("free", "per", "coffee"), venue=("aktiv", "aeldre", "medborger"), pickup=0.15,
               acc=("wheelchair",), key="stolegym")
T_BALANCE = A(["Balancetræning", "Faldforebyggende træning", "Styrke og balance 70+", "Seniorfitness"],
              ["Træning med fokus på balance og benstyrke, så du står sikrere i hverdagen.",
               "Et hold for dig, der vil forebygge fald. Vi bruger vores egen kropsvægt og elastikker.",
               "Seniorfitness i et roligt lokale med maskiner, der er lette at bruge – en instruktør hjælper dig i gang."],
              ["Henvisning er ikke nødvendig.", "Holdet er på højst 12 deltagere.", "Tilmelding til {cf}."],
              int_=("exercise",), tg=("seniors",), sched=MOSTLY_W, days=("mon", "wed", "thu", "fri"),
              times=(("09:00", "10:00"), ("11:00", "12:00"), ("13:00", "14:00")),
              price=("season", "per"), venue=("aktiv", "hal", "multi"), key="balance")
T_YOGA = A(["Yoga for seniorer", "Blid yoga på stol og måtte", "Seniorpilates"],
           ["Blide øvelser og vejrtrækning, der kan laves på stol eller måtte.",
            "Rolig træning for krop og sind – ingen forudsætninger."],
           ["Tag et tæppe med.", "Holdet er for både begyndere og øvede."],
           int_=("exercise",), tg=("seniors",), tg_opt=("women",), sched=MOSTLY_W, days=("tue", "thu"),
           times=(("10:00", "11:00"), ("17:00", "18:00")), price=("season", "per"), venue=("kultur", "multi", "sogn"), key="yoga")
T_GAAFODBOLD = A(["Gåfodbold", "Walking football for mænd 60+", "Gåfodbold – fodbold uden løb"],
                 ["Gåfodbold er fodbold, hvor man ikke må løbe. Det giver masser af grin og ingen skader.",
                  "Har du spillet fodbold engang? Så kom og spil gåfodbold med os – der må ikke løbes."],
                 ["Vi spiller indendørs om vinteren og udendørs om sommeren.", "Kaffe og en øl bagefter for dem, der vil."],
                 int_=("sports", "exercise"), tg=("seniors", "men"), sched=MOSTLY_W, days=("mon", "wed", "fri"),
                 times=(("10:00", "11:30"), ("09:30", "11:00")), price=("member", "season"), venue=("hal",), key="gaafodbold")
T_BOCCIA = A(["Boccia", "Boccia og kaffe", "Indendørs boccia"],
             ["Boccia er et hyggeligt præcisionsspil, som alle kan være med i – også fra kørestol.",
              "Vi spiller boccia i små hold og holder pause med kaffe og kage."],
             ["Bolde haves.", "Nye spillere får en hurtig introduktion."],
             int_=("sports",), int_opt=("social",), tg=("seniors",), sched=MOSTLY_W, days=("tue", "thu", "fri"),
             times=(("13:30", "15:30"), ("10:00", "12:00")), price=("free", "coffee", "member"), venue=("aktiv", "hal", "aeldre"),
             acc=("wheelchair",), key="boccia")
T_IDRAETSDAG = A(["Idrætsdag for ældre", "Motionsdag for seniorer", "Ældreidrætsdag i hallen"],
                 ["En dag med prøv-selv-aktiviteter: gåfodbold, boccia, dans og stolegymnastik. Frokost og kaffe indgår.",
                  "Kom og prøv forskellige former for idræt for ældre – alle kan være med."],
                 ["Tilmelding nødvendig.", "Datoen annonceres i lokalavisen."],
                 int_=("sports", "exercise"), int_opt=("social",), tg=("seniors",), sched=NONE,
                 price=("meal", "per"), venue=("hal",), pickup=0.2, notes=("Datoer annonceres", "En gang i foråret og en gang i efteråret"), key="idraetsdag")
T_MOTIONLEG = A(["Motion og leg for ældre", "Ældreidræt – bevægelse, spil og sang", "Onsdagsmotion"],
                ["Vi bevæger os med bold, ringe og musik og slutter med en sang.",
                 "Ældreidræt er motion i fællesskab – tempoet er roligt, og humøret højt."],
                ["Kaffe bagefter.", "Du behøver ikke at være i god form for at komme."],
                int_=("exercise", "sports"), int_opt=("music", "social"), tg=("seniors",), sched=MOSTLY_W,
                days=("mon", "tue", "wed", "thu"), times=(("09:30", "11:00"), ("10:00", "11:30")),
                price=("season", "member", "free"), venue=("hal", "forsamling", "multi"), key="motionleg")

T_PETANQUE = A(["Petanque", "Petanque på banerne", "Petanque for alle", "Spil petanque med os",
                "Formiddagspetanque", "Petanque – tirsdag og torsdag"],
               ["Vi spiller petanque på klubbens baner. Der bliver trukket lod om holdene, så man møder nye hver gang.",
                "Petanque er let at lære og hyggeligt at spille. Kugler kan lånes.",
                "Kom og spil petanque! Vi har seks baner og et klubhus med kaffe og toilet.",
                "Vi er omkring 25 spillere i alle aldre, men de fleste er pensionister."],
               ["Om vinteren spiller vi indendørs.", "Kaffepause kl. 10.30.", "Nye spillere får en introduktion af {cf}.",
                "Petanque-banen ligger lige ved parkeringspladsen."],
               int_=("sports",), int_opt=("social",), tg=("seniors",), sched=(85, 5, 10, 0),
               days=("tue", "thu", "mon", "wed", "sat"), times=(("09:30", "12:00"), ("13:30", "16:00"), ("10:00", "12:00")),
               price=("member", "free"), venue=("klub", "klub", "hal", "multi"), key="petanque")
T_PETANQUE_BEG = A(["Petanque for begyndere", "Prøv petanque"],
                   ["Har du aldrig prøvet petanque? Vi lærer dig reglerne på en formiddag.",
                    "Begynderhold i petanque – vi starter helt fra bunden."],
                   ["Kugler kan lånes.", "Første gang er gratis."],
                   int_=("sports",), tg=("seniors",), tg_opt=("newcomers",), sched=(60, 40, 0, 0),
                   days=("wed", "sat"), times=(("10:00", "11:30"),), price=("free", "per"), venue=("klub", "hal"), key="petanquebeg")
T_KRONOLF = A(["Krolf", "Krolf på plænen", "Kom og spil krolf"],
              ["Krolf er en blanding af kroket og golf. Vi spiller på en bane med 12 huller.",
               "Krolf er for alle – spillet er roligt, og man går en god tur undervejs."],
              ["Køller og kugler kan lånes.", "Sæson fra april til oktober.", "Kaffe i skurret bagefter."],
              int_=("sports",), int_opt=("nature", "social"), sched=MOSTLY_W, days=("mon", "wed", "fri"),
              times=(("09:00", "11:30"), ("14:00", "16:30")), price=("member",), venue=("klub", "natur", "multi"),
              notes=("April-oktober",), key="krolf")
T_BILLARD = A(["Billard", "Seniorbillard", "Billard i kælderen", "Billard og en kop kaffe"],
              ["Vi spiller billard på tre borde. Alle niveauer er velkomne.",
               "Vi spiller i kælderen – der er tre gode borde og altid varm kaffe.",
               "Hyggelig billard for pensionister. Vi spiller keglebillard og pool."],
              ["Køer kan lånes.", "Ring til {cf}, hvis du vil prøve."],
              int_=("games", "sports"), int_opt=("social",), tg=("seniors",), tg_opt=("men",), sched=MOSTLY_W,
              days=("mon", "tue", "wed", "thu", "fri"), times=(("09:00", "12:00"), ("13:00", "16:00")),
              price=("member",), venue=("medborger", "aktiv", "kultur"), key="billard")
T_BOWLING = A(["Seniorbowling", "Bowling for pensionister", "Formiddagsbowling"],
              ["Vi bowler to serier og hygger bagefter med en kop kaffe.",
               "Seniorbowling for alle – sko og kugler kan lejes i centret."],
              ["Vi er ca. 30 faste bowlere.", "Man kan også bowle med rampe."],
              int_=("sports",), int_opt=("social",), tg=("seniors",), sched=(80, 20, 0, 0), days=("tue", "wed", "thu"),
              times=(("10:00", "12:00"), ("13:00", "15:00")), price=("per",), venue=("bowling",), key="bowling")

T_WHIST = A(["Whist", "Whistaften", "Whist for pensionister", "Whist og kaffe", "Kortaften – whist"],
            ["Vi spiller whist ved 5-6 borde og bytter makker undervejs.",
             "Hyggelig whist med kaffe og kage i pausen. Præmier til de bedste.",
             "Kortaften med whist. Kan du reglerne, er du velkommen."],
            ["Der spilles om små præmier.", "Kortspil er en god måde at holde hovedet i gang.",
             "Mød op 10 minutter før, så vi kan få borde til at gå op."],
            int_=("games",), int_opt=("social",), tg=("seniors",), sched=(75, 15, 10, 0),
            days=("mon", "tue", "wed", "thu"), times=(("13:00", "16:00"), ("19:00", "22:00"), ("18:30", "21:30")),
            price=("per", "coffee", "member"), venue=("medborger", "aktiv", "forsamling", "kultur"), key="whist")
T_BRIDGE = A(["Bridge", "Bridge for øvede", "Klubaften i bridge", "Eftermiddagsbridge"],
             ["Turneringsbridge efter Danmarks Bridgeforbunds regler. Vi spiller 24 spil.",
              "Vi spiller bridge i rolige omgivelser. Makker kan formidles."],
             ["Ring til {cf}, hvis du mangler en makker.", "Kaffe kan købes."],
             int_=("games",), tg=("seniors",), sched=(90, 5, 5, 0), days=("mon", "tue", "wed", "thu"),
             times=(("13:00", "17:00"), ("19:00", "22:30")), price=("member", "per"),
             venue=("medborger", "kultur", "aktiv"), key="bridge")
T_BRIDGE_BEG = A(["Bridge for begyndere", "Lær at spille bridge", "Begynderbridge"],
                 ["Lær bridge fra bunden på et hyggeligt hold. Du behøver ikke at have en makker.",
                  "Begynderkursus i bridge over 20 gange med en erfaren underviser."],
                 ["Bog og materialer indgår.", "Tilmelding til {cf}."],
                 int_=("games",), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers",), sched=(90, 10, 0, 0),
                 days=("tue", "wed", "thu"), times=(("10:00", "12:30"), ("19:00", "21:30")), price=("season",),
                 venue=("medborger", "kultur", "aktiv"), notes=("Oktober-marts",), key="bridgebeg")
T_KORT = A(["Kortspil og kaffe", "Kortklubben", "Kortspil om eftermiddagen", "Rummy, canasta og kaffe"],
           ["Vi spiller kort – mest whist, rummy og canasta. Har du andre spil med, så lærer vi dem gerne.",
            "Kortspil i hyggeligt selskab. Du behøver ikke at være god, bare glad for at spille."],
           ["Tag selv kaffe med.", "Vi spiller i kælderen.", "Brætspil kan også findes frem."],
           int_=("games",), int_opt=("social",), tg=("seniors",), tg_opt=("living_alone",), sched=(80, 10, 10, 0),
           days=("mon", "wed", "thu", "fri"), times=(("13:00", "16:00"), ("14:00", "16:30")),
           price=("free", "coffee"), venue=("aktiv", "medborger", "aeldre", "forsamling"), key="kort")

T_STRIK = A(["Strikkecafé", "Strikkeklub", "Strik og snak", "Strikkeklubben", "Strikkecafé på biblioteket",
             "Strikkeaften", "Håndarbejde og hygge", "Maskerne"],
            ["Tag dit strikketøj med og kom og strik i hyggeligt selskab.",
             "Strikning er bedst i godt selskab – kom til strikkecafé med kaffe, garn og snak.",
             "Vi strikker, hækler og snakker. Nybegyndere får hjælp af de erfarne.",
             "Strikkeklub for alle, der holder af garn. Vi deler mønstre og gode ideer.",
             "Håndarbejde i alle afskygninger – strik, hækling, broderi og lapper."],
            ["Kaffe og te 10 kr.", "Der er garn til fri afbenyttelse.", "Vi strikker også til velgørenhed.",
             "Kig forbi – der er altid plads ved bordet."],
            int_=("crafts",), int_opt=("social",), tg=("seniors",), tg_opt=("women", "living_alone"),
            sched=(75, 15, 10, 0), days=("mon", "tue", "wed", "thu"), times=(("13:30", "16:00"), ("19:00", "21:00"), ("10:00", "12:00")),
            price=("free", "free", "coffee"), venue=("bib", "medborger", "aktiv", "kultur", "sogn"), key="strik")
T_STRIK_VELG = A(["Strik til velgørenhed", "Strikkedamerne – vi strikker til nyfødte", "Strik til Ukraine og Afrika"],
                 ["Vi strikker tæpper, huer og sokker, som sendes ud til dem, der har brug for det.",
                  "Strikkeklub med et formål: vi strikker til nyfødte på sygehuset og til nødhjælp."],
                 ["Garn er doneret.", "Kom med dine egne pinde."],
                 int_=("crafts", "volunteering"), int_opt=("social",), tg=("seniors",), tg_opt=("women",),
                 sched=(50, 30, 10, 10), days=("tue", "wed", "thu"), times=(("13:30", "16:00"),),
                 price=("free",), venue=("sogn", "medborger", "aktiv"), key="strikvelg")
T_PATCHWORK = A(["Patchwork", "Kreativt værksted", "Maling og tegning for seniorer", "Hobbyværkstedet"],
                ["Vi syr patchwork og hjælper hinanden med nye teknikker.",
                 "Et værksted med plads til maling, tegning og små kreative projekter.",
                 "I hobbyværkstedet kan du arbejde med træ, perler, sølv eller papir."],
                ["Du medbringer selv materialer.", "Symaskiner står klar.", "Kaffe og småkager."],
                int_=("crafts",), int_opt=("social",), tg=("seniors",), sched=MOSTLY_W, days=("mon", "tue", "wed", "thu"),
                times=(("09:30", "12:00"), ("13:00", "15:30")), price=("member", "per", "coffee"),
                venue=("aktiv", "kultur", "medborger"), key="patchwork")

T_KOR = A(["Seniorkor", "Seniorkoret", "Korsang for seniorer", "Kom og syng i koret", "Seniorkoret {place}"],
          ["Vi synger flerstemmigt – både danske sange, salmer og lidt pop. Du behøver ikke kunne læse noder.",
           "Koret øver hver uge under ledelse af en dygtig dirigent og giver et par koncerter om året.",
           "Seniorkor for alle med sangglæde. Det vigtigste er, at du kan lide at synge."],
          ["Vi holder kaffepause midtvejs.", "Mænd er særligt velkomne – vi mangler tenorer og basser.",
           "Sæsonen går fra august til maj."],
          int_=("music",), int_opt=("social",), tg=("seniors",), tg_opt=("men",), sched=MOSTLY_W,
          days=("mon", "tue", "wed", "thu"), times=(("10:00", "12:00"), ("14:00", "16:00"), ("19:00", "21:00")),
          price=("member", "season"), venue=("sogn", "kultur", "medborger"), acc=("hearing_loop",), key="kor")
T_FAELLESSANG = A(["Fællessang", "Syng sammen", "Fællessang fra Højskolesangbogen", "Morgensang",
                   "Syng med – en time med danske sange", "Sangeftermiddag"],
                  ["Vi synger fra Højskolesangbogen og fortæller lidt om sangene undervejs.",
                   "En time med fællessang til klaver. Alle kan være med – der er ingen krav.",
                   "Kom og syng de gode gamle sange sammen med os. Ønsker modtages gerne.",
                   "Fællessang er godt for humøret. Vi synger, drikker kaffe og snakker."],
                  ["Sangbøger udleveres.", "Kaffe og kage 20 kr.", "Teleslynge i salen."],
                  int_=("music",), int_opt=("social", "culture"), tg=("seniors",), tg_opt=("living_alone", "dementia"),
                  sched=(60, 20, 20, 0), days=("mon", "tue", "wed", "thu", "fri"),
                  times=(("10:00", "11:00"), ("14:00", "15:30"), ("14:30", "16:00")),
                  price=("free", "coffee"), venue=("sogn", "aktiv", "bib", "kultur", "aeldre"), acc=("hearing_loop",), key="faellessang")
T_MANDSKOR = A(["Mandskor", "Mandekoret", "Gubbekoret"],
               ["Et kor kun for mænd. Vi synger sømandssange, viser og lidt salmer.",
                "Mandekoret søger nye stemmer – du skal bare kunne lide at synge."],
               ["Øl og kaffe bagefter.", "Vi optræder på plejecentrene til jul."],
               int_=("music",), int_opt=("social",), tg=("seniors", "men"), sched=MOSTLY_W, days=("mon", "wed"),
               times=(("19:00", "21:00"), ("10:00", "12:00")), price=("member",), venue=("sogn", "kultur", "forsamling"), key="mandskor")

T_FOLKEDANS = A(["Folkedans", "Folkedans for seniorer", "Gammeldans", "Folkedans – alle kan lære det"],
                ["Vi danser danske folkedanse til levende musik. Du behøver ikke medbringe en partner.",
                 "Folkedans er motion for både krop og hoved. Nye dansere lærer hurtigt trinene.",
                 "Gammeldans med vals, polka og sønderhoning – hyggeligt og ikke for hurtigt."],
                ["Spillemændene spiller hver gang.", "Kaffe i pausen.", "Tag skiftesko med."],
                int_=("dance",), int_opt=("music", "exercise", "social"), tg=("seniors",), sched=MOSTLY_W,
                days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("19:00", "21:30"), ("10:00", "12:00")),
                price=("season", "member", "per"), venue=("forsamling", "hal", "multi", "kultur"), key="folkedans")
T_LINEDANCE = A(["Linedance", "Linedance for seniorer", "Linedance – begyndere", "Linedance, let øvede"],
                ["Linedance danses på række, så du behøver ikke en partner. Vi starter stille og roligt.",
                 "Country, pop og gamle slagere – linedance er motion med musik."],
                ["Instruktøren gennemgår trinene flere gange.", "Husk vand og gode sko."],
                int_=("dance",), int_opt=("exercise", "music"), tg=("seniors",), tg_opt=("women",), sched=MOSTLY_W,
                days=("mon", "tue", "wed", "thu", "fri"), times=(("10:00", "11:30"), ("18:30", "20:00")),
                price=("season", "per"), venue=("hal", "multi", "forsamling", "kultur"), key="linedance")
T_SENIORDANS = A(["Seniordans", "Dans for seniorer", "Seniordans – pardans og rundkreds", "Danseeftermiddag"],
                 ["Seniordans er enkle danse i kreds og rækker – mange forskellige partnere hele tiden.",
                  "Vi danser til musik fra højttaleren og tager en pause med kaffe midtvejs.",
                  "Danseeftermiddag med orkester en gang om måneden. Kom og sving dig!"],
                 ["Enlige er meget velkomne – vi skifter partner.", "Entré inkl. kaffe."],
                 int_=("dance",), int_opt=("music", "social"), tg=("seniors",), tg_opt=("living_alone",), sched=(70, 15, 15, 0),
                 days=("tue", "wed", "thu", "sun"), times=(("14:00", "16:00"), ("13:30", "15:30")),
                 price=("per", "season", "member"), venue=("forsamling", "kultur", "medborger", "aktiv"), key="seniordans")

T_FAELLESSPIS = A(["Fællesspisning", "Fællesspisning i Medborgerhuset", "Fællesspisning i {venue}",
                   "Torsdagsspisning", "Spis sammen", "Fællesspisning for alle over 60", "Middag i godt selskab"],
                  ["Vi spiser et godt måltid hjemmelavet mad sammen. Maden laves af frivillige.",
                   "Fællesspisning med to retter mad og kaffe. Der er altid plads til en mere.",
                   "Hvorfor spise alene? Kom til fællesspisning – vi dækker op til dig.",
                   "Her får du varm mad, god snak og nye bekendtskaber."],
                  ["Tilmelding til {cf} senest mandagen før.", "Drikkevarer kan købes.",
                   "Du kan blive hentet, hvis du ikke selv kan komme.", "Menuen hænger på opslagstavlen."],
                  int_=("food",), int_opt=("social",), tg=("seniors",), tg_opt=("living_alone", "bereaved", "newcomers"),
                  sched=(60, 20, 20, 0), days=("tue", "wed", "thu", "fri", "sun"),
                  times=(("12:00", "13:30"), ("17:30", "19:30"), ("18:00", "20:00")),
                  price=("meal",), venue=("medborger", "aktiv", "forsamling", "kultur", "multi", "sogn"), pickup=0.25,
                  key="faellesspis")
T_SPISEFAELLES = A(["Spisefællesskab", "Spisevenner", "Søndagsmiddag for dig, der bor alene", "Suppe og snak",
                    "Frokostklubben", "Spis med os"],
                   ["Et lille spisefællesskab på 8-10 personer, der skiftes til at lave mad.",
                    "Spisevenner mødes og spiser sammen – man behøver ikke kunne lave mad.",
                    "Søndag kan være lang, når man bor alene. Derfor spiser vi middag sammen.",
                    "Varm suppe, brød og en god snak. Enkelt og hyggeligt."],
                   ["Vi handler ind sammen.", "Ring til {cf} før første gang.", "Ingen tilmelding – bare mød op."],
                   int_=("food",), int_opt=("social",), tg=("seniors", "living_alone"), tg_opt=("bereaved", "men"),
                   sched=(50, 25, 15, 10), days=("wed", "thu", "fri", "sun"), times=(("12:00", "14:00"), ("17:00", "19:00")),
                   price=("meal", "free"), venue=("medborger", "sogn", "aktiv", "multi"), pickup=0.2,
                   notes=("Datoer aftales i gruppen", "Vi skiftes til at være værter"), key="spisefaelles")
T_MADKLUB_MAEND = A(["Madklub for mænd", "Mænd i køkkenet", "Madlavning for mænd", "Gryderne",
                     "Madklubben – vi laver mad og spiser sammen"],
                    ["Madklub for mænd, der vil lære at lave god hverdagsmad – og spise den sammen bagefter.",
                     "Ingen erfaring nødvendig. Vi laver mad efter opskrift og spiser sammen.",
                     "Vi laver mad fra bunden – alt fra frikadeller til fiskefrikadeller – og snakker om løst og fast."],
                    ["Vi deler udgiften til råvarer.", "Forklæde udleveres.", "Mange er enkemænd og startede her."],
                    int_=("food",), int_opt=("social",), tg=("seniors", "men"), tg_opt=("living_alone", "bereaved"),
                    sched=(50, 40, 10, 0), days=("mon", "tue", "wed", "thu"), times=(("16:00", "19:00"), ("10:00", "13:00")),
                    price=("meal",), venue=("skole", "medborger", "aktiv", "kultur"), key="madklub")

T_MANDEKAFFE = A(["Mandekaffe", "Mændenes morgenkaffe", "Mandegruppen mødes", "Kaffe for mænd",
                  "Formiddagskaffe for mænd"],
                 ["Mænd mødes til kaffe og rundstykker og en snak om løst og fast – sport, politik og gamle dage.",
                  "En uformel mandegruppe, hvor man kan komme og gå, som man vil.",
                  "Vi er en flok mænd, der mødes og drikker kaffe. Nogle gange tager vi på tur."],
                 ["Ingen tilmelding.", "Vi tager imod nye med et fast håndtryk.", "Rundstykker 15 kr."],
                 int_=("social",), tg=("seniors", "men"), tg_opt=("living_alone", "bereaved"), sched=(75, 15, 10, 0),
                 days=("mon", "tue", "wed", "thu", "fri"), times=(("09:00", "11:00"), ("09:30", "11:30")),
                 price=("free", "coffee"), venue=("medborger", "aktiv", "frivillig", "multi", "forsamling"), welcome=0.7, key="mandekaffe")
T_VAERKSTED = A(["Værkstedet", "Træværkstedet", "Skruetrækkerne", "Mændenes værksted", "Reparationscafé"],
                ["I værkstedet reparerer vi cykler, laver fuglekasser og hjælper med småting for foreningerne.",
                 "Kom og brug værkstedet sammen med andre mænd – der er værktøj til det meste.",
                 "Reparationscafé: tag din ødelagte lampe, cykel eller stol med, så hjælper vi med at lave den."],
                ["Kaffen står klar kl. 9.", "Tag gerne arbejdstøj på.", "Kvinder er også velkomne."],
                int_=("crafts",), int_opt=("social", "volunteering"), tg=("seniors", "men"), sched=(80, 10, 10, 0),
                days=("mon", "tue", "wed", "thu"), times=(("09:00", "12:00"), ("13:00", "16:00")),
                price=("free", "member", "coffee"), venue=("skole", "klub", "multi", "aktiv"), key="vaerksted")
T_FISKETUR = A(["Fisketur", "Fiskeklubben", "Mænd på fisketur"],
               ["Vi tager på fisketur ved åen eller kysten og griller fangsten bagefter.",
                "Fiskeri i roligt tempo. Du behøver ikke eget grej de første gange."],
               ["Samkørsel fra mødestedet.", "Kaffe og madpakke medbringes."],
               int_=("nature", "trips"), int_opt=("social",), tg=("seniors", "men"), sched=(0, 30, 50, 20),
               days=("wed", "sat"), times=(("07:00", "11:00"), ("08:00", "12:00")), price=("free", "member"),
               venue=("natur", "strand", "klub"), notes=("April-oktober",), key="fisketur")

T_SORG = A(["Sorggruppe", "Sorggruppe for efterladte", "Samtalegruppe for dig, der har mistet",
            "Sorggruppe for enker og enkemænd", "Når man har mistet – en samtalegruppe"],
           ["En lille gruppe for dig, der har mistet din ægtefælle eller samlever. Vi mødes og taler om sorg og hverdag.",
            "I sorggruppen møder du andre, der står i samme situation. Gruppen ledes af to erfarne frivillige.",
            "Sorggruppe med plads til både tårer og smil. Der er tavshedspligt i gruppen."],
           ["Gruppen er lukket, når den er startet – ring til {cf} for en forsamtale.",
            "Vi mødes 8 gange.", "Kaffe og te står klar."],
           int_=("support",), int_opt=("social",), tg=("bereaved",), tg_opt=("seniors", "living_alone"),
           sched=(30, 50, 10, 10), days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("19:00", "21:00"), ("10:00", "12:00")),
           price=("free",), venue=("sogn", "frivillig", "medborger", "bib"), welcome=0.8,
           notes=("Forsamtale nødvendig", "Nyt hold starter i januar og august"), key="sorg")
T_SORG_OPSTART = A(["Ny sorggruppe starter", "Sorggruppe – tilmelding til næste hold"],
                   ["Vi starter et nyt hold, når vi er 6-8 tilmeldte. Kontakt os for en uforpligtende snak.",
                    "Har du mistet en nær? Skriv dig op til næste sorggruppe."],
                   ["Forløbet er gratis."],
                   int_=("support",), tg=("bereaved",), tg_opt=("seniors",), sched=NONE, price=("free",),
                   venue=("sogn", "frivillig", "medborger"), welcome=0.8, notes=("Opstart efter tilmelding",), key="sorgopstart")
T_SORG_GAA = A(["Gåtur for efterladte", "Sorg og gåture", "Gå med sorgen"],
               ["Vi går en gåtur sammen og taler, hvis vi har lyst – ellers går vi bare.",
                "Gåture for dig, der har mistet. Naturen og selskabet gør noget godt."],
               ["Turen er ca. 4 km.", "Kaffe bagefter."],
               int_=("walking", "support"), int_opt=("nature",), tg=("bereaved",), tg_opt=("seniors", "living_alone"),
               sched=(30, 50, 20, 0), days=("tue", "wed", "sun"), times=(("10:00", "11:30"), ("14:00", "15:30")),
               price=("free",), venue=("natur", "strand"), welcome=0.8, key="sorggaa")
T_ENKECAFE = A(["Café for enker og enkemænd", "Alene-café", "Café Ny Hverdag"],
               ["En uformel café for dig, der er blevet alene. Her kan du møde andre i samme situation.",
                "Kom og drik kaffe med andre, der også har mistet. Ingen skal sige noget, de ikke har lyst til."],
               ["Vi tager af og til på små ture.", "Hjemmebag til kaffen."],
               int_=("social", "support"), tg=("bereaved", "living_alone"), tg_opt=("seniors",), sched=(40, 30, 20, 10),
               days=("tue", "wed", "thu", "sun"), times=(("14:00", "16:00"),), price=("free", "coffee"),
               venue=("sogn", "medborger", "frivillig"), welcome=0.7, key="enkecafe")

T_PAAROER = A(["Pårørendegruppe", "Pårørendegruppe for ægtefæller", "Samtalegruppe for pårørende",
               "Pårørendecafé", "Netværk for pårørende til demensramte"],
              ["For dig, der passer en ægtefælle med demens eller anden sygdom. Vi deler erfaringer og støtter hinanden.",
               "I pårørendegruppen kan du tale frit med andre, der kender hverdagen som pårørende.",
               "En pause i hverdagen for pårørende – med kaffe, samtale og gode råd."],
              ["En demenskoordinator deltager af og til.", "Der er aflastning, så din ægtefælle kan komme med og være i et andet lokale.",
               "Ring til {cf} før første gang."],
              int_=("support",), int_opt=("social",), tg=("carers",), tg_opt=("seniors", "dementia"),
              sched=(20, 40, 40, 0), days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("19:00", "21:00"), ("10:00", "12:00")),
              price=("free",), venue=("medborger", "aktiv", "frivillig", "sogn", "bib"), acc=("dementia_friendly",),
              welcome=0.8, key="paaroer")
T_DEMENSCAFE = A(["Demensvenlig café", "Demenscafé", "Café Husk", "Mindernes Café", "Hyggecafé for mennesker med demens og pårørende"],
                 ["En café for mennesker med demens og deres pårørende. Vi drikker kaffe, synger og snakker.",
                  "Her er der ro og plads til alle. Frivillige med kendskab til demens tager imod.",
                  "Kom sammen med din ægtefælle eller din mor og få en hyggelig eftermiddag med andre i samme situation."],
                 ["Vi synger altid et par sange.", "Der er handicaptoilet og ingen trapper.",
                  "Kørsel kan arrangeres – kontakt {cf}.", "Kaffe og kage 20 kr."],
                 int_=("social", "support"), int_opt=("music",), tg=("dementia", "carers"), tg_opt=("seniors",),
                 sched=(40, 30, 30, 0), days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("13:30", "15:30")),
                 price=("free", "coffee"), venue=("aktiv", "aeldre", "medborger", "bib", "sogn"), pickup=0.35,
                 acc=("dementia_friendly", "wheelchair", "accessible_toilet"), welcome=0.8, key="demenscafe")
T_DEMENSMOTION = A(["Motion for mennesker med demens", "Demensvenlig gåtur", "Bevægelse og sang – demensvenlig"],
                   ["Et hold for mennesker med demens og en pårørende. Vi går en kort tur eller laver let motion.",
                    "Gåtur i roligt tempo for mennesker med demens – frivillige går med."],
                   ["Vi slutter med kaffe og sang."],
                   int_=("exercise", "walking"), tg=("dementia", "carers"), sched=(70, 30, 0, 0), days=("tue", "thu", "fri"),
                   times=(("10:00", "11:00"),), price=("free",), venue=("aktiv", "aeldre", "natur"),
                   acc=("dementia_friendly",), welcome=0.8, key="demensmotion")

T_ITCAFE = A(["IT-café", "IT-caféen", "Digital hjælp", "Hjælp til MitID og Digital Post", "Hjælp til telefon og tablet",
              "IT-hjælp for seniorer", "Spørg om din smartphone", "Digital café på biblioteket"],
             ["Har du spørgsmål til din telefon, tablet eller computer? Frivillige hjælper dig i roligt tempo.",
              "Vi hjælper med MitID, Digital Post, e-Boks, billeder og videoopkald til børnebørnene.",
              "Tag din telefon eller iPad med – så finder vi ud af det sammen. Intet spørgsmål er for dumt.",
              "Digital hjælp til borgere: sundhed.dk, netbank, Rejsekort-app og meget mere."],
             ["Husk opladeren og dine koder.", "Vi logger aldrig ind for dig, men viser dig hvordan.",
              "Kaffe på kanden.", "Ingen tilmelding – bare mød op."],
             int_=("digital",), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers", "living_alone"),
             sched=(60, 20, 10, 10), days=("mon", "tue", "wed", "thu"), times=(("10:00", "12:00"), ("13:00", "15:00"), ("14:00", "16:00")),
             price=("free", "free", "member"), venue=("bib", "bib", "frivillig", "medborger", "aktiv", "kultur"),
             acc=("wheelchair",), notes=("Ikke i juli", "Også efter aftale"), key="itcafe")
T_ITKURSUS = A(["IT-kursus for begyndere", "Billeder på iPad", "Lær at bruge din tablet", "Kursus: Smartphone for seniorer"],
               ["Et lille kursus over fire gange, hvor du lærer det grundlæggende i dit eget tempo.",
                "Lær at tage billeder, sende dem og gemme dem sikkert."],
               ["Højst 8 deltagere.", "Tilmelding til {cf}."],
               int_=("digital",), tg=("seniors",), sched=NONE, price=("per", "member", "free"),
               venue=("bib", "medborger", "kultur", "skole"), notes=("Nye hold annonceres", "Efter tilmelding"), key="itkursus")
T_IT_HJEMME = A(["IT-hjælp i hjemmet", "Digital hjælp derhjemme"],
                ["Kan du ikke komme ud, kommer en frivillig hjem til dig og hjælper med telefon, tablet eller computer.",
                 "Vi kommer hjem til dig og hjælper dig med at komme i gang med det digitale.",
                 "Driller MitID eller den nye telefon? En af vores IT-frivillige kigger forbi og hjælper i dit eget tempo.",
                 "Har du fået en tablet af børnene, men ved ikke rigtig, hvordan den virker? Så kommer vi hjem til dig."],
                ["Besøget aftales på telefon.", "Vi tager os god tid, og ingen spørgsmål er dumme.",
                 "Hav gerne dine koder og dit MitID klar."],
                int_=("digital",), int_opt=("visiting_friend",), tg=("seniors",), tg_opt=("living_alone",), sched=NONE,
                price=("free",), notes=("Efter aftale",), home=True, key="ithjemme")

T_LAESEKREDS = A(["Læsekreds", "Læsekredsen", "Læsekreds på biblioteket", "Bogklub for seniorer", "Litteraturcafé"],
                 ["Vi læser en bog om måneden og mødes for at snakke om den. Bøgerne lånes gennem biblioteket.",
                  "En hyggelig læsekreds, hvor vi både læser romaner, erindringer og lidt krimi.",
                  "Litteraturcafé med oplæsning og snak om bøger – du behøver ikke have læst noget på forhånd."],
                 ["Biblioteket skaffer bogsættene.", "Vi er pt. 9 medlemmer og har plads til et par stykker mere.",
                  "Bøgerne kan også fås som lydbog."],
                 int_=("reading",), int_opt=("culture", "social"), tg=("seniors",), tg_opt=("women", "living_alone"),
                 sched=(10, 20, 70, 0), days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("19:00", "21:00"), ("10:00", "12:00")),
                 price=("free", "coffee"), venue=("bib", "bib", "sogn", "aktiv"), key="laesekreds")
T_HOEJTLAESNING = A(["Højtlæsning", "Oplæsning i dagligstuen", "Vi læser højt"],
                    ["En frivillig læser noveller og erindringer højt. Du skal bare lytte – og måske fortælle lidt selv.",
                     "Højtlæsning for dig, der ikke selv kan læse så godt længere."],
                    ["Kaffe og småkager."],
                    int_=("reading",), int_opt=("culture", "social"), tg=("seniors",), tg_opt=("dementia",),
                    sched=(80, 20, 0, 0), days=("mon", "tue", "wed", "thu", "fri"), times=(("10:30", "11:30"), ("14:00", "15:00")),
                    price=("free",), venue=("aeldre", "aktiv", "bib"), acc=("hearing_loop",), key="hoejtlaes")

T_FOREDRAG = A(["Foredrag", "Foredragsrække", "Eftermiddagsforedrag", "Foredrag og kaffe", "Højskoleeftermiddag",
                "Torsdagsforedrag", "Efterårets foredrag"],
               ["Vi inviterer spændende foredragsholdere – om rejser, historie, natur og livet.",
                "Højskoleeftermiddag med sang, foredrag og kaffebord.",
                "En eftermiddag med et godt foredrag og fællessang. Programmet kan ses på hjemmesiden.",
                "Foredrag for nysgerrige pensionister – der er altid tid til spørgsmål."],
               ["Entré inkl. kaffe og kage.", "Der er teleslynge i salen.", "Ingen tilmelding."],
               int_=("culture",), int_opt=("social", "music"), tg=("seniors",), sched=(30, 30, 25, 15),
               days=("mon", "tue", "wed", "thu"), times=(("14:00", "16:00"), ("19:00", "21:00"), ("14:30", "16:30")),
               price=("per", "member"), venue=("kultur", "sogn", "bib", "forsamling", "medborger"), acc=("hearing_loop",),
               notes=("Oktober-marts", "Se programmet for datoer"), key="foredrag")
T_FILMKLUB = A(["Filmklub for seniorer", "Seniorbio", "Eftermiddagsfilm"],
               ["Vi ser en god film og drikker kaffe i pausen.",
                "Seniorbio med både nye danske film og gamle klassikere."],
               ["Kaffe og kage indgår.", "Film med danske undertekster."],
               int_=("culture",), int_opt=("social",), tg=("seniors",), sched=(30, 30, 40, 0), days=("tue", "wed", "thu"),
               times=(("13:30", "16:00"), ("14:00", "16:30")), price=("per",), venue=("kultur", "bib"), acc=("hearing_loop",), key="film")

T_MUSEUM_RUND = A(["Rundvisning på museet", "Museumsonsdag", "Omvisning for seniorer", "Kaffe og udstilling"],
                  ["En af museets formidlere viser rundt i den aktuelle udstilling. Bagefter drikker vi kaffe.",
                   "Museumsforeningen arrangerer omvisninger for medlemmer og gæster."],
                  ["Gratis for medlemmer.", "Stole kan medbringes rundt i udstillingen."],
                  int_=("culture",), int_opt=("social",), tg=("seniors",), sched=(0, 20, 65, 15), days=("tue", "wed", "sun"),
                  times=(("14:00", "15:30"), ("10:30", "12:00")), price=("member", "per"), venue=("museum",), key="museumrund")
T_MUSEUM_FRIVILLIG = A(["Frivillig på museet", "Museumsværter søges", "Frivillig i arkivet"],
                       ["Vi søger frivillige, der vil være værter, hjælpe i butikken eller registrere genstande.",
                        "Har du lyst til at arbejde med gamle billeder og dokumenter? Arkivet søger frivillige."],
                       ["Kaffe og godt kollegaskab.", "Ingen forudsætninger."],
                       int_=("volunteering", "culture"), tg=("seniors",), tg_opt=("newcomers",), sched=NONE, price=("free",),
                       venue=("museum",), notes=("Efter aftale",), key="museumfriv")
T_ARKIVCAFE = A(["Arkivcafé", "Kend dit sogn – arkivcafé", "Gamle billeder og kaffe"],
                ["Kom og se gamle billeder fra egnen, og hjælp os med at finde navne på folk og steder.",
                 "I arkivcaféen kigger vi i gamle billeder og fortæller historier fra dengang."],
                ["Tag gerne dine egne billeder med.", "Kaffe 10 kr."],
                int_=("culture",), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers",), sched=(50, 20, 20, 10),
                days=("tue", "wed", "thu"), times=(("14:00", "16:00"), ("10:00", "12:00")), price=("free", "coffee"),
                venue=("museum", "bib", "kultur"), key="arkivcafe")
T_BYVANDRING = A(["Byvandring", "Historisk gåtur", "Byvandring med lokalhistorikeren", "Gåtur i gamle {place}"],
                 ["En historisk gåtur gennem byen, hvor vi hører om huse, handlende og gamle dage.",
                  "Lokalhistorisk forening inviterer på gåture i sommerhalvåret med fortællinger undervejs."],
                 ["Turen tager ca. halvanden time.", "Vi går i roligt tempo og holder mange pauser."],
                 int_=("walking", "culture"), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers",),
                 sched=(40, 15, 30, 15), days=("tue", "wed", "thu", "sun"), times=(("19:00", "20:30"), ("14:00", "15:30")),
                 price=("free", "member"), venue=("museum", "kultur", "bib", "sogn"), notes=("Maj-september",), key="byvandring")

T_SOGNEEFTERMIDDAG = A(["Sogneeftermiddag", "Sogneeftermiddag i {venue}", "Eftermiddagsmøde", "Onsdagscafé i sognegården",
                        "Seniortræf i kirken", "Torsdagstræf", "Kirkehøjskole"],
                       ["Sogneeftermiddag med kaffebord, fællessang og et foredrag eller underholdning.",
                        "Menighedsrådet inviterer til eftermiddag med kaffe, sang og en god fortælling. Alle er velkomne.",
                        "En hyggelig eftermiddag i sognegården – vi synger, hører en fortælling og drikker kaffe.",
                        "Vi mødes til samtale om livet, troen og alt det ind imellem."],
                       ["Kirkebilen kan bestilles – ring til kirkekontoret.", "Kaffe og kage 25 kr.",
                        "Der er teleslynge og niveaufri adgang.", "Præsten er altid med."],
                       int_=("social", "faith"), int_opt=("culture", "music"), tg=("seniors",), tg_opt=("living_alone",),
                       sched=(35, 30, 35, 0), days=("tue", "wed", "thu"), times=(("14:00", "16:00"), ("14:30", "16:30")),
                       price=("coffee", "free"), venue=("sogn",), pickup=0.4, acc=("hearing_loop",), key="sogneeftm")
T_KIRKEKAFFE = A(["Kirkekaffe efter gudstjenesten", "Søndagskaffe", "Kaffe efter højmessen"],
                 ["Efter gudstjenesten drikker vi kaffe i sognegården. Kom og vær med, også selvom du ikke var i kirke.",
                  "Søndagskaffe for alle – en god start på en ellers stille søndag."],
                 ["Kirkebil kan bestilles til gudstjenesten."],
                 int_=("faith", "social"), tg=("seniors",), tg_opt=("living_alone", "newcomers"), sched=(100, 0, 0, 0),
                 days=("sun",), times=(("11:00", "12:00"), ("11:30", "12:30")), price=("free",), venue=("sogn",),
                 pickup=0.5, acc=("hearing_loop",), key="kirkekaffe")
T_SOGNEUDFLUGT = A(["Sogneudflugt", "Sommerudflugt med menighedsrådet", "Udflugt for seniorer i sognet"],
                   ["Hvert år tager vi på udflugt med bus – i år går turen til Vestkysten med frokost undervejs.",
                    "Menighedsrådet inviterer sognets ældre på udflugt med bus, kaffe og en kirke undervejs."],
                   ["Opsamling flere steder i sognet.", "Tilmelding på kirkekontoret."],
                   int_=("trips", "faith"), int_opt=("social",), tg=("seniors",), sched=NONE, price=("trip",),
                   venue=("sogn",), pickup=0.6, notes=("Dato annonceres i kirkebladet", "En gang om året"), key="sogneudflugt")
T_FROKOST_ALENE = A(["Frokost for dig, der bor alene", "Fællesfrokost i sognegården", "Spaghettigudstjeneste for seniorer"],
                    ["Menighedsrådet inviterer til frokost for dig, der bor alene. Der er altid god mad og god snak.",
                     "Fællesfrokost med en kort andagt. Alle er velkomne."],
                    ["Tilmelding til kirkekontoret."],
                    int_=("food", "faith"), int_opt=("social",), tg=("seniors", "living_alone"), tg_opt=("bereaved",),
                    sched=(0, 20, 80, 0), days=("tue", "wed", "thu", "sun"), times=(("12:00", "14:00"),), price=("meal", "free"),
                    venue=("sogn",), pickup=0.3, key="frokostalene")

T_HAVE = A(["Havefællesskab", "Fælleshaven", "Fælles køkkenhave", "Havearbejde i fællesskab", "Grønne hænder"],
           ["Vi dyrker grøntsager og blomster sammen i fælleshaven. Alle kan være med, også uden erfaring.",
            "I fælleshaven har vi højbede, så man ikke behøver at bøje sig helt ned.",
            "Kom og få jord under neglene. Vi luger, sår og høster – og drikker kaffe i læ."],
           ["Redskaber er der.", "Høsten deles.", "Højbedene kan nås fra kørestol."],
           int_=("nature",), int_opt=("social", "exercise"), tg=("seniors",), tg_opt=("newcomers", "living_alone"),
           sched=(60, 15, 10, 15), days=("tue", "wed", "thu", "sat"), times=(("10:00", "12:00"), ("16:00", "18:00")),
           price=("free", "member"), venue=("have", "aeldre", "aktiv", "sogn"), notes=("April-oktober", "Maj-september", "Kom, når det passer dig"), key="have")
T_HAVEKLUB = A(["Haveklubben", "Haveselskabets seniorgruppe", "Have-snak og planteudveksling"],
               ["Vi besøger hinandens haver, bytter planter og får inspiration af hinanden.",
                "Haveklub for seniorer med foredrag om vinteren og havebesøg om sommeren."],
               ["Se programmet for datoer."],
               int_=("nature",), int_opt=("social", "trips"), tg=("seniors",), sched=NONE, price=("member",),
               venue=("have", "forsamling", "kultur", "bib"), notes=("Se programmet", "Datoer aftales på mail"), key="haveklub")

T_CYKEL = A(["Cykeltur", "Seniorcykling", "Cykeltur for seniorer", "Tirsdagscykling", "Cykelture i roligt tempo",
             "Cykling med kaffepause", "Elcykelholdet"],
            ["Vi cykler 25-40 km i roligt tempo på små veje og stier, med kaffepause undervejs.",
             "Cykeltur for seniorer – både på almindelig cykel og elcykel. Ingen bliver kørt fra.",
             "Vi kører i to hold: et kort på ca. 20 km og et langt på ca. 50 km.",
             "Seniorcykling hele sommeren. Tag madpakke og godt humør med."],
            ["Husk cykelhjelm.", "Vi cykler ikke i regnvejr.", "Der er altid en bagmand, der kører sidst."],
            int_=("exercise", "nature"), int_opt=("social", "trips"), tg=("seniors",), sched=(65, 15, 5, 15),
            days=("mon", "tue", "wed", "thu"), times=(("09:00", "12:00"), ("09:30", "12:30"), ("13:00", "16:00")),
            price=("free", "member"), venue=("natur", "klub", "medborger", "hal"), notes=("April-oktober", "Maj-september", "Turene aftales på mail"), key="cykel")
T_RICKSHAW = A(["Rickshawture", "Cykeltur i rickshaw", "Ud at cykle – i rickshaw"],
               ["Frivillige piloter tager beboere og ældre med på cykeltur i rickshaw – vind i håret og en snak undervejs.",
                "Kan du ikke selv cykle længere? Vi henter dig i rickshaw til en tur i byen eller skoven."],
               ["Tæpper og regnslag i cyklen.", "Vi søger altid flere piloter."],
               int_=("nature", "trips"), int_opt=("social", "volunteering"), tg=("seniors",), tg_opt=("dementia", "living_alone"),
               sched=NONE, price=("free",), venue=("aeldre", "aktiv"), pickup=1.0, acc=("wheelchair",),
               notes=("Efter aftale", "Marts-oktober"), key="rickshaw")

T_SVOEM = A(["Seniorsvømning", "Svømning for seniorer", "Morgensvømning", "Motionssvømning 60+"],
            ["Motionssvømning i varmt vand – vi har en bane for os selv.",
             "Svøm i dit eget tempo. Der er livredder, og vandet er 30 grader.",
             "Seniorsvømning med en god snak i saunaen bagefter."],
            ["Der er lift til bassinet.", "Adgang med klippekort.", "Kaffe i cafeteriet bagefter."],
            int_=("exercise",), int_opt=("social",), tg=("seniors",), sched=MOSTLY_W, days=("mon", "tue", "wed", "thu", "fri"),
            times=(("08:00", "09:00"), ("09:00", "10:00"), ("13:00", "14:00")), price=("per", "season"),
            venue=("svoem",), acc=("wheelchair", "accessible_toilet"), key="svoem")
T_VANDGYM = A(["Vandgymnastik", "Vandgymnastik i varmtvandsbassin", "Aquafitness for seniorer", "Vandmotion"],
              ["Vandgymnastik er skånsomt for led og muskler. Man behøver ikke kunne svømme.",
               "Vi laver øvelser i det varme vand til musik – godt mod stivhed og gigt.",
               "Blid træning i vand med instruktør."],
              ["Vanddybde 1,2 m.", "Handicapomklædning findes."],
              int_=("exercise",), int_opt=("social",), tg=("seniors",), tg_opt=("women",), sched=MOSTLY_W,
              days=("mon", "tue", "wed", "thu", "fri"), times=(("09:00", "09:45"), ("10:00", "10:45"), ("14:00", "14:45")),
              price=("season", "per"), venue=("svoem",), acc=("wheelchair", "accessible_toilet"), key="vandgym")
T_VINTERBAD = A(["Vinterbadning", "Vinterbadning fra badebroen", "Morgendukkert", "Vinterbadning og sauna"],
                ["Vinterbadning fra badebroen – vi hopper i og står i saunaen bagefter.",
                 "En kold dukkert i godt selskab. Nye vinterbadere får en introduktion.",
                 "Vi bader hele vinteren og drikker varm kaffe på molen bagefter."],
                ["Sauna i klubhuset.", "Bad aldrig alene.", "Tal med din læge, hvis du har hjerteproblemer."],
                int_=("exercise", "nature"), int_opt=("social",), tg=("seniors",), tg_opt=("newcomers",), sched=(90, 0, 10, 0),
                days=("mon", "wed", "fri", "sat", "sun"), times=(("07:00", "08:30"), ("08:00", "09:30"), ("09:00", "10:30")),
                price=("member",), venue=("strand",), notes=("Oktober-april", "Hele året"), key="vinterbad")

T_UDFLUGT = A(["Busture", "Udflugter med bus", "Dagture for seniorer", "Månedens udflugt", "Ud i det blå",
               "Sommerudflugt", "Julefrokosttur med bus"],
              ["Vi arrangerer dagture med bus til seværdigheder i Jylland – altid med frokost og kaffe.",
               "En gang om måneden tager vi på udflugt. Opsamling ved flere stoppesteder.",
               "Ud i det blå! Ingen ved, hvor bussen kører hen – kun at der er god mad undervejs.",
               "Sommerudflugt til Skagen, Fanø eller Sønderjylland. Se programmet."],
              ["Tilmelding og betaling til {cf}.", "Bussen har lift.", "Vi tager hensyn til dem, der går dårligt."],
              int_=("trips",), int_opt=("social", "culture"), tg=("seniors",), tg_opt=("living_alone",), sched=(0, 0, 40, 60),
              days=("tue", "wed", "thu"), times=(("08:00", "17:00"), ("09:00", "16:00")), price=("trip",),
              venue=("medborger", "kultur", "aktiv", "forsamling", "multi", "sogn"), pickup=0.4,
              notes=("Se programmet", "Datoer i lokalavisen", "Tilmelding senest 14 dage før"), key="udflugt")
T_REJSE = A(["Seniorrejser", "Flerdagstur", "Rejseklubben"],
            ["Hvert forår og efterår tager vi på en flerdagstur i Danmark eller nabolandene.",
             "Rejser for seniorer med fælles bus og hotel. Enkeltværelse kan bestilles."],
            ["Programmet udsendes til medlemmerne.", "Rejseleder er med hele vejen."],
            int_=("trips",), int_opt=("culture",), tg=("seniors",), tg_opt=("living_alone",), sched=NONE,
            price=("trip", "member"), venue=("medborger", "kultur", "multi"), notes=("Se programmet",), key="rejse")

T_KLUBEFTM = A(["Klubeftermiddag", "Hyggeeftermiddag", "Pensionistklubben mødes", "Onsdagsklubben",
                "Eftermiddagskaffe", "Tirsdagsklubben", "Hyggeklubben"],
               ["Vi drikker kaffe, spiller kort og får en god snak. Nogle gange har vi underholdning.",
                "Pensionistklubben mødes til kaffe, banko og sang. Nye medlemmer er meget velkomne.",
                "Klubeftermiddag med kaffebord, lidt oplæsning og et slag kort.",
                "En fast eftermiddag hver uge, hvor man kan komme og få selskab."],
               ["Kaffe og kage 20 kr.", "Bussen holder lige uden for.", "Der er gratis parkering.",
                "Medlemskab er ikke nødvendigt de første gange."],
               int_=("social",), int_opt=("games", "music"), tg=("seniors",), tg_opt=("living_alone",),
               sched=(80, 10, 10, 0), days=("mon", "tue", "wed", "thu"), times=(("13:30", "16:00"), ("14:00", "16:30")),
               price=("coffee", "member", "free"), venue=("forsamling", "medborger", "aktiv", "multi", "aeldre"), pickup=0.12, key="klubeftm")
T_BANKO = A(["Banko", "Bankospil", "Pensionistbanko", "Banko med gevinster"],
            ["Banko med flotte gevinster og kaffe i pausen.",
             "Vi spiller banko – hyggeligt og spændende. Plader kan købes ved indgangen."],
            ["Plader 5 kr. stk.", "Husk kontanter eller MobilePay."],
            int_=("games",), int_opt=("social",), tg=("seniors",), sched=(50, 25, 25, 0), days=("mon", "tue", "wed", "thu", "sun"),
            times=(("13:30", "16:00"), ("19:00", "21:30")), price=("per", "coffee"),
            venue=("forsamling", "medborger", "aktiv", "multi", "aeldre"), key="banko")
T_JULEFROKOST = A(["Julefrokost", "Forårsfest", "Høstfest for pensionister", "Nytårskur"],
                  ["Vores årlige fest med god mad, musik og dans.",
                   "Sæt kryds i kalenderen – vi holder fest med tre retter og underholdning."],
                  ["Tilmelding til {cf}.", "Kørsel kan arrangeres."],
                  int_=("food", "social"), int_opt=("music", "dance"), tg=("seniors",), sched=NONE, price=("meal",),
                  venue=("forsamling", "medborger", "kultur", "multi"), pickup=0.3,
                  notes=("Dato i programmet", "En gang om året"), key="fest")

T_CAFE = A(["Caféen", "Formiddagskaffe", "Aftenkaffe", "Søndagscafé", "Café for alle", "Café og avislæsning",
            "Kaffe, kage og snak", "Fredagscafé", "Hyggecafé", "Åben café"],
           ["Caféen er åben for alle – beboere, naboer og pårørende. Kom og få en kop kaffe og en snak.",
            "Aftenkaffe med hjemmebag. Kom og vær med, selvom du ikke kender nogen.",
            "Vi læser avisen sammen, drikker kaffe og snakker om, hvad der sker i byen.",
            "En hyggelig café, hvor frivillige står for kaffe og kage. Ingen tilmelding.",
            "Søndagscafé for dig, der synes, søndagen er lang."],
           ["Kaffe 10 kr.", "Rundstykker kan købes.", "Elevator til 1. sal.", "Her er altid nogen at snakke med.",
            "Vi har aviser og blade."],
           int_=("social",), int_opt=("food",), tg=("seniors",), tg_opt=("living_alone", "newcomers"),
           sched=(80, 10, 10, 0), days=("mon", "tue", "wed", "thu", "fri", "sun"),
           times=(("09:30", "11:30"), ("14:00", "16:00"), ("19:00", "20:30"), ("10:00", "12:00")),
           price=("coffee", "free", "free"), venue=("aktiv", "aeldre", "medborger", "bib"), acc=("wheelchair", "accessible_toilet"),
           key="cafe")
T_NYIBYEN = A(["Nye i byen – velkomstkaffe", "Ny i kommunen? Kom til kaffe", "Netværkscafé for tilflyttere"],
              ["Er du lige flyttet hertil? Kom og mød andre og hør om foreningerne i området.",
               "Velkomstkaffe for seniorer, der er nye i byen. Vi fortæller om foreninger og aktiviteter."],
              ["En frivillig kan gå med dig ud til en forening bagefter."],
              int_=("social",), int_opt=("volunteering",), tg=("newcomers", "seniors"), sched=(0, 20, 80, 0),
              days=("tue", "wed", "thu"), times=(("10:00", "12:00"), ("14:00", "15:30")), price=("free",),
              venue=("frivillig", "bib", "medborger"), welcome=0.9, key="nyibyen")
T_SAMTALE_ENLIGE = A(["Samtalegruppe for dig, der føler dig ensom", "Venskabsgruppen", "Netværksgruppe for enlige seniorer",
                      "Snak og samvær"],
                     ["En lille gruppe, hvor vi mødes og lærer hinanden at kende. Mange har fået nye venner her.",
                      "Føler du dig alene? I netværksgruppen mødes vi og finder på ting sammen."],
                     ["Gruppen ledes af to frivillige.", "Ring til {cf} for en snak først."],
                     int_=("support", "social"), tg=("living_alone", "seniors"), tg_opt=("bereaved", "newcomers"),
                     sched=(40, 50, 10, 0), days=("mon", "tue", "wed", "thu"), times=(("10:00", "12:00"), ("14:00", "16:00")),
                     price=("free",), venue=("frivillig", "medborger", "bib"), welcome=0.9, key="samtaleenlige")
T_KOERSEL = A(["Kørselsordning", "Frivillig kørsel til aktiviteter", "Vi kører dig"],
              ["Frivillige chauffører kører ældre til og fra foreningens aktiviteter.",
               "Kan du ikke selv komme frem? Vores frivillige kørselsordning henter dig."],
              ["Ring dagen før.", "Du betaler et lille beløb til benzin."],
              int_=("volunteering", "social"), tg=("seniors",), tg_opt=("living_alone",), sched=NONE,
              price=("per", "free"), venue=("frivillig", "medborger", "aktiv", "forsamling"), pickup=1.0,
              notes=("Efter aftale", "Ring senest dagen før"), key="koersel")
T_KIRKEBIL = A(["Kirkebil", "Kirkebil til gudstjeneste og sogneeftermiddag", "Kørsel til kirke"],
               ["Har du svært ved at komme til kirke, kan du bestille kirkebil. Den henter dig derhjemme og kører dig hjem igen.",
                "Menighedsrådet betaler kørsel til gudstjenester og sogneeftermiddage for sognets ældre."],
               ["Bestil senest dagen før på kirkekontoret.", "Det er gratis for dig."],
               int_=("faith",), int_opt=("social",), tg=("seniors",), tg_opt=("living_alone",), sched=NONE,
               price=("free",), venue=("sogn",), pickup=1.0, notes=("Bestilles dagen før", "Efter aftale"), key="kirkebil")
T_MOTIONSVEN = A(["Motionsven", "Motionsvenner", "Få en motionsven"],
                 ["En motionsven hjælper dig i gang med at bevæge dig – en tur rundt om blokken eller træning hjemme.",
                  "Motionsvenner er frivillige, der motionerer sammen med dig, så det bliver til noget."],
                 ["Du aftaler selv tid og sted med din motionsven."],
                 int_=("exercise", "visiting_friend"), int_opt=("walking",), tg=("seniors", "living_alone"),
                 sched=NONE, price=("free",), notes=("Efter aftale",), home=True, key="motionsven")


# ---------------------------------------------------------------------------
# Association kinds: names, descriptions, activity templates (core always, opt sampled)
# ---------------------------------------------------------------------------
def K(names, adesc, core, opt=(), nopt=(0, 0), venue_pref=None, org=None):
    return dict(names=list(names), adesc=list(adesc), core=list(core), opt=list(opt), nopt=nopt,
                venue_pref=venue_pref, org=org)


KINDS = {
    "aeldresagen": K(["Ældre Sagen {place}", "Ældre Sagen i {place}", "Ældre Sagen {place} – lokalafdelingen"],
                     ["Lokalafdelingen af Ældre Sagen med mange frivillige og aktiviteter for alle over 60.",
                      "Vi arbejder for et godt ældreliv i {place} med besøgsvenner, motion, IT-hjælp og fællesskab.",
                      "Ældre Sagens lokale frivillige i {place}. Alle er velkomne – også hvis du ikke er medlem."],
                     [T_BESOEG, T_ITCAFE, T_TELEFON], [T_GAATUR, T_SPISEFAELLES, T_STOLEGYM, T_FOREDRAG, T_UDFLUGT,
                                            T_FOELGE, T_MADKLUB_MAEND, T_MOTIONSVEN, T_IT_HJEMME, T_FAELLESSANG,
                                            T_BLIV_FRIVILLIG, T_GAAVEN, T_LAESEKREDS],
                     (5, 8)),
    "pensionist": K(["{place} Pensionistforening", "Pensionistforeningen i {place}", "{place} Pensionistklub",
                     "Seniorklubben {place}", "Pensionistforeningen af 1972, {place}", "Folkepensionisterne i {place}",
                     "{place} Seniorforening"],
                    ["Vi er en forening for pensionister og efterlønsmodtagere med klubeftermiddage, udflugter og fester.",
                     "Foreningen har ca. 120 medlemmer og mødes hver uge i sæsonen. Nye er meget velkomne.",
                     "En hyggelig forening, hvor man kommer for selskabets skyld.",
                     "Vi har eksisteret i over 50 år og holder fast i kaffebordet, bankoen og sommerturen."],
                    [T_KLUBEFTM], [T_BANKO, T_UDFLUGT, T_JULEFROKOST, T_WHIST, T_FAELLESSPIS, T_FOREDRAG, T_SENIORDANS,
                                   T_KORT, T_REJSE], (2, 5)),
    "gymnastik": K(["{place} Seniorgymnastik", "Gymnastikforeningen {place} – seniorholdene", "{place} Gymnastikforening",
                    "{place} Idrætsforening, senioridræt", "Seniormotion {place}", "{place} IF – motion for seniorer"],
                   ["Gymnastik og motion for seniorer med uddannede instruktører.",
                    "Vi tilbyder hold for alle niveauer – fra stolegymnastik til seniorfitness.",
                    "Idrætsforeningens seniorafdeling med gymnastik, gåfodbold og meget mere."],
                   [T_SENIORGYM], [T_STOLEGYM, T_BALANCE, T_YOGA, T_GAAFODBOLD, T_LINEDANCE, T_STAVGANG, T_BOCCIA],
                   (1, 4)),
    "gaaklub": K(["{place} Gåklub", "Vandrelauget {place}", "{place} Vandreforening", "Gå-holdet {place}",
                  "Gåklubben Friske Fødder", "{place} Motionsgængere", "Stavgængerne {place}"],
                 ["Vi går sammen i alt slags vejr og slutter altid med en kop kaffe.",
                  "En gåklub for alle, der holder af at gå – korte og lange ture hver uge.",
                  "Vandrelauget arrangerer gåture og vandreture i og omkring {place}."],
                 [T_GAATUR], [T_GAATUR, T_STAVGANG, T_NATURVANDRING, T_GAAVEN], (1, 3)),
    "petanque": K(["{place} Petanqueklub", "Petanqueklubben {place}", "Boule-klubben {place}", "{place} Petanque og Krolf"],
                  ["Petanqueklub med baner, klubhus og plads til nye spillere.",
                   "Vi spiller petanque året rundt – udendørs om sommeren og indendørs om vinteren."],
                  [T_PETANQUE], [T_PETANQUE_BEG, T_KRONOLF, T_PETANQUE], (1, 2)),
    "kort": K(["{place} Whistklub", "Bridgeklubben {place}", "Kortklubben Spar Es", "{place} Bridgeklub",
               "Whistklubben Trumf", "Kortklubben Hjerter Dame", "Seniorbridge {place}"],
              ["Kortklub for alle, der holder af et godt spil kort.",
               "Vi spiller bridge og whist og har plads til flere medlemmer.",
               "Kortspil i hyggelige rammer – vi tager godt imod nye."],
              [], [T_WHIST, T_BRIDGE, T_BRIDGE_BEG, T_KORT], (1, 3)),
    "strik": K(["Strikkeklubben {place}", "Maskerne – strikkeklub i {place}", "Håndarbejdsklubben {place}",
                "Strikkecaféen {place}", "Pindene – strikkeklub", "Nål og Tråd {place}"],
               ["Vi er en flok glade strikkere, der mødes hver uge.",
                "Håndarbejdsklub for alle, der kan lide at bruge hænderne.",
                "Strik, hækling og broderi – og masser af snak."],
               [T_STRIK], [T_STRIK_VELG, T_PATCHWORK], (0, 2)),
    "kor": K(["{place} Seniorkor", "Syng med {place}", "Korforeningen {place}", "Seniorkoret Efterårsstemmer",
              "Sangglade Seniorer {place}", "{place} Fællessang"],
             ["Kor og fællessang for seniorer. Alle kan være med.",
              "Vi synger, fordi det er sjovt og godt for både krop og sjæl."],
             [], [T_KOR, T_FAELLESSANG, T_MANDSKOR], (1, 2)),
    "dans": K(["{place} Folkedanserforening", "Linedance {place}", "Seniordans {place}", "{place} Folkedansere",
               "Danseforeningen Svingom", "Gammeldansklubben {place}"],
              ["Dans for seniorer – folkedans, seniordans og linedance.",
               "Vi danser for sjov og motion og holder af det sociale.",
               "Foreningen har danset siden 1978 og tager gerne imod nye dansere."],
              [], [T_FOLKEDANS, T_LINEDANCE, T_SENIORDANS], (1, 3)),
    "spis": K(["Fællesspisning {place}", "Spisefællesskabet {place}", "Madklubben {place}", "Spisevennerne i {place}",
               "Folkekøkkenet {place}"],
              ["Fællesspisning og spisefællesskaber for dig, der ikke vil spise alene.",
               "Frivillige laver mad, og alle er velkomne ved bordet."],
              [T_FAELLESSPIS], [T_SPISEFAELLES, T_MADKLUB_MAEND, T_JULEFROKOST], (0, 2)),
    "mand": K(["Mandegruppen Gamle Drenge", "Mænds Mødested {place}", "Værkstedet – mandefællesskab i {place}",
               "Mandeklubben Skruen", "Hyggeklubben for mænd", "Gutterne fra {place}", "Mandeforeningen Ankeret",
               "Mandegruppen Tordenskjold", "Morgenkaffe-drengene", "Mandeklubben Vi Ordner Det"],
              ["Et sted for mænd, der vil være sammen med andre mænd om noget praktisk – eller bare en kop kaffe.",
               "Vi er en flok mænd i alle aldre, de fleste pensionister, der mødes til kaffe, værksted og ture.",
               "Mandefællesskab uden krav. Kom som du er."],
              [T_MANDEKAFFE], [T_VAERKSTED, T_MADKLUB_MAEND, T_FISKETUR, T_GAAFODBOLD], (1, 2)),
    "sorg": K(["Sorggruppen {place}", "Netværk for efterladte i {place}", "Sorg og Samvær {place}",
               "Foreningen Efter Tabet, {place}"],
              ["Vi tilbyder sorggrupper og samvær for dig, der har mistet en ægtefælle eller en nær.",
               "Frivillige med erfaring i sorg og tab står for grupperne."],
              [T_SORG], [T_SORG_OPSTART, T_SORG_GAA, T_ENKECAFE], (1, 2)),
    "paaroer": K(["Pårørendeforeningen {place}", "Demensnetværket {place}", "Pårørendenetværket {place}",
                  "Demensforeningen {place}"],
                 ["Vi støtter pårørende til mennesker med demens og anden kronisk sygdom.",
                  "Netværk for pårørende og for mennesker med demens – med samtalegrupper og demensvenlige caféer."],
                 [T_PAAROER], [T_DEMENSCAFE, T_DEMENSMOTION], (1, 2)),
    "demens": K(["Demensvenlig Café {place}", "Café Husk {place}", "Mindernes Café {place}"],
                ["En demensvenlig café drevet af frivillige i samarbejde med kommunens demenskoordinatorer."],
                [T_DEMENSCAFE], [T_DEMENSMOTION, T_FAELLESSANG], (0, 1)),
    "besoeg": K(["Røde Kors {town} – besøgstjenesten", "Besøgsvennerne {place}", "Kirkens besøgstjeneste {place}",
                 "Venner i {place} – besøg og telefon", "Besøgstjenesten Hånd i Hånd", "Nabohjælpen {place}"],
                ["Vi formidler besøgsvenner, telefonvenner og følgevenner til ældre, der føler sig ensomme.",
                 "Frivillige besøgsvenner i {place}. Vi matcher dig med en, der passer til dig.",
                 "Ingen skal være ufrivilligt ensomme. Vores frivillige kommer på besøg, ringer op og går med ud."],
                [T_BESOEG], [T_TELEFON, T_FOELGE, T_BESOEG_HUND, T_BLIV_FRIVILLIG, T_GAAVEN, T_IT_HJEMME], (2, 4)),
    "telefon": K(["Telefonkæden {place}", "Ring-en-ven {town}", "Morgenopringningen {place}", "Snakkelinjen {place}",
                  "Telefonvennerne {place}", "Ring og Snak {place}"],
                 ["Telefonvenner for ældre, der bor alene. Vi ringer – du svarer."],
                 [T_TELEFON], [T_BLIV_FRIVILLIG, T_TELEFON], (0, 1)),
    "it": K(["IT-caféen {place}", "Seniorernes Datastue {place}", "Digital Hjælp {place}", "Datastuen {place}",
             "Klik og Kaffe {place}"],
            ["Frivillige seniorer hjælper andre seniorer med IT, telefon og det digitale.",
             "Vi gør det digitale lidt lettere – i øjenhøjde og uden stress."],
            [T_ITCAFE], [T_ITKURSUS, T_IT_HJEMME], (1, 2)),
    "laesekreds": K(["Læsekredsen {place}", "Bogklubben Efterårslæserne", "{place} Litteraturkreds", "Læselysten {place}"],
                    ["Læsekreds for seniorer i samarbejde med biblioteket.",
                     "Vi holder af gode bøger og gode samtaler."],
                    [T_LAESEKREDS], [T_HOEJTLAESNING], (0, 1)),
    "foredrag": K(["{place} Foredragsforening", "Højskoleforeningen {place}", "Foredragsforeningen for {place} og omegn",
                   "Seniorhøjskolen {place}", "{place} Aftenskole, seniorafdelingen"],
                  ["Foredrag, højskoleeftermiddage og film for nysgerrige seniorer.",
                   "Vi inviterer foredragsholdere fra hele landet – om historie, natur, rejser og samfund."],
                  [T_FOREDRAG], [T_FILMKLUB, T_UDFLUGT, T_FAELLESSANG, T_LAESEKREDS], (1, 2)),
    "museum": K(["Museumsforeningen for {town}", "Venner af {museum}", "{town} Museumsforening"],
                ["Støtteforening for museet med omvisninger, foredrag og udflugter.",
                 "Vi støtter museet og tilbyder medlemmerne særlige arrangementer."],
                [T_MUSEUM_RUND], [T_MUSEUM_FRIVILLIG, T_FOREDRAG, T_UDFLUGT, T_ARKIVCAFE], (1, 2)),
    "sogn": K(["{place} Sogn – menighedsrådet", "{place} Kirke", "{place} Menighedsråd", "Sognets seniorudvalg, {place}",
               "{place} Sogns Seniorcafé"],
              ["Menighedsrådet tilbyder sogneeftermiddage, kirkekaffe og udflugter for sognets ældre.",
               "Kirken er for alle. Vi har et rigt seniorliv med sang, foredrag og fællesskab.",
               "Sognets aktiviteter for seniorer – og for alle andre, der har lyst."],
              [T_SOGNEEFTERMIDDAG], [T_KIRKEKAFFE, T_SOGNEUDFLUGT, T_KIRKEBIL, T_FROKOST_ALENE, T_SORG, T_FAELLESSANG,
                                     T_BESOEG, T_STRIK_VELG, T_ENKECAFE], (2, 4)),
    "have": K(["Havefællesskabet {place}", "{place} Haveselskab – seniorgruppen", "Den Grønne Plet {place}",
               "Fælleshaven {place}"],
              ["Et havefællesskab med højbede, drivhus og kaffe i læ.",
               "Vi mødes om haven og naturen – alle kan være med."],
              [T_HAVE], [T_HAVEKLUB], (0, 1)),
    "cykel": K(["{place} Cykelklub – seniorholdet", "Seniorcyklisterne {place}", "Cykelture for alle {place}",
                "Rickshaw-venner {place}", "Motionscyklisterne {place}"],
               ["Vi cykler sammen hele sommerhalvåret – i roligt tempo og med kaffepause.",
                "Cykling for seniorer og frivillige piloter, der kører rickshaw med ældre."],
               [T_CYKEL], [T_RICKSHAW, T_CYKEL], (0, 1)),
    "svoem": K(["{place} Svømmeklub – seniorsvømning", "Seniorsvømmerne {place}", "{place} Motionssvømmere"],
               ["Svømning og vandgymnastik for seniorer.",
                "Vi svømmer, laver vandgymnastik og hygger i cafeteriet bagefter."],
               [], [T_SVOEM, T_VANDGYM, T_SVOEM], (1, 2)),
    "vinterbad": K(["Vinterbaderne {place}", "{place} Vinterbadeklub", "Isbjørnene {place}"],
                   ["Vinterbadning og sauna for alle aldre – mange af os er pensionister."],
                   [T_VINTERBAD], [T_VINTERBAD], (0, 1)),
    "billard": K(["{place} Billardklub", "Seniorbillard {place}", "Billardklubben Kø 60"],
                 ["Billard for pensionister – vi har egne borde og egne lokaler."],
                 [T_BILLARD], [T_BILLARD, T_KORT], (0, 1)),
    "krolf": K(["{place} Krolfklub", "Krolfklubben {place}"],
               ["Krolf for alle – et roligt spil i frisk luft."],
               [T_KRONOLF], [T_PETANQUE, T_KRONOLF], (0, 1)),
    "bowling": K(["Seniorbowling {town}", "Bowlingklubben Strike {place}"],
                 ["Bowling for seniorer – hyggeligt og lidt konkurrence."],
                 [T_BOWLING], [T_BOWLING], (0, 1)),
    "aeldreidraet": K(["Ældreidrætsforeningen {place}", "{place} Ældreidræt", "Idræt for Ældre {place}",
                       "Aktive Seniorer {place}"],
                      ["Ældreidræt med motion, leg og spil for alle over 60.",
                       "Vi er en idrætsforening for ældre, hvor fællesskabet er lige så vigtigt som motionen."],
                      [T_MOTIONLEG], [T_BOCCIA, T_IDRAETSDAG, T_STOLEGYM, T_SENIORDANS, T_GAAFODBOLD], (1, 3)),
    "udflugt": K(["Udflugtsklubben {place}", "{place} Seniorrejser", "Busturene {place}", "Rejseklubben for pensionister {place}"],
                 ["Vi arrangerer busture og rejser for seniorer.",
                  "Udflugter med bus til ind- og udland – hyggeligt og overskueligt."],
                 [T_UDFLUGT], [T_REJSE, T_JULEFROKOST], (0, 2)),
    "lokalhistorie": K(["Lokalhistorisk Forening for {place}", "{place} Lokalhistoriske Forening", "{place} Sogns Lokalhistoriske Arkiv"],
                       ["Vi samler og formidler egnens historie – og tager gerne imod gamle billeder.",
                        "Lokalhistorisk forening med arkiv, foredrag og byvandringer."],
                       [T_ARKIVCAFE], [T_BYVANDRING, T_FOREDRAG, T_MUSEUM_FRIVILLIG], (1, 2)),
    "madmaend": K(["Madklubben for mænd {place}", "Mænd i Køkkenet {place}", "Gryderne – madklub for mænd",
                   "Kokkedrengene {place}"],
                  ["Madklub for mænd, der vil lære at lave mad og spise sammen."],
                  [T_MADKLUB_MAEND], [], (0, 0)),
    "foelgeven": K(["Følgevennerne {place}", "Gå-med-venner {place}"],
                   ["Frivillige følgevenner, der går med dig de første gange, du prøver noget nyt."],
                   [T_FOELGE], [T_GAAVEN, T_KOERSEL], (1, 2)),
    "cafe": K(["Brugerrådet ved {venue}", "Venneforeningen for {venue}", "Caféen i {venue}", "Cafégruppen {venue}"],
              ["Frivillige driver caféen og arrangerer aktiviteter for beboere og borgere i området.",
               "Vi er en gruppe frivillige, der holder liv i huset med café, banko og sang."],
              [T_CAFE], [T_BANKO, T_FAELLESSANG, T_HOEJTLAESNING, T_STOLEGYM, T_RICKSHAW, T_CAFE, T_KORT], (1, 3),
              venue_pref=("aktiv", "aeldre", "medborger", "bib")),
    "frivilligcenter": K(["Frivilligcenter {town}"],
                         ["Frivilligcentret hjælper borgere med at finde et fællesskab eller et frivilligt job – og støtter foreningerne.",
                          "Vi er kommunens frivilligcenter. Kom ind og få en snak om, hvad der findes af muligheder."],
                         [T_BLIV_FRIVILLIG, T_FOELGE, T_NYIBYEN, T_SAMTALE_ENLIGE],
                         [T_MANDEKAFFE, T_FAELLESSPIS, T_ITCAFE, T_SORG, T_PAAROER, T_KOERSEL, T_TELEFON, T_GAATUR, T_LAESEKREDS],
                         (4, 6), venue_pref=("frivillig",)),
}


# ---------------------------------------------------------------------------
# Which associations exist where (kind keys per postcode)
# ---------------------------------------------------------------------------
PLAN = {
    "7500": "aeldresagen frivilligcenter besoeg besoeg telefon pensionist pensionist pensionist gymnastik gymnastik "
            "aeldreidraet gaaklub gaaklub petanque kort kort strik strik kor kor dans dans spis mand mand madmaend "
            "sorg paaroer demens it laesekreds foredrag museum sogn sogn sogn sogn have cykel svoem billard krolf "
            "bowling udflugt lokalhistorie foelgeven cafe cafe cafe besoeg telefon sorg it aeldreidraet cafe pensionist",
    "7570": "pensionist gymnastik gaaklub sogn petanque cafe vinterbad mand strik gaaklub",
    "7830": "aeldresagen pensionist gymnastik gaaklub sogn sogn petanque kort strik kor lokalhistorie cafe mand svoem "
            "besoeg spis",
    "6990": "pensionist gymnastik gaaklub sogn vinterbad strik spis lokalhistorie cafe besoeg mand telefon",
    "7100": "aeldresagen frivilligcenter besoeg besoeg telefon pensionist pensionist gymnastik aeldreidraet "
            "gaaklub gaaklub petanque kort kort strik kor kor dans dans spis mand mand madmaend sorg sorg paaroer "
            "demens it laesekreds foredrag museum sogn sogn sogn sogn have cykel svoem billard krolf bowling udflugt "
            "lokalhistorie foelgeven cafe cafe cafe cafe",
    "7120": "pensionist vinterbad petanque sogn cafe gaaklub gymnastik",
    "6040": "aeldresagen pensionist gymnastik gaaklub sogn kort lokalhistorie cafe",
    "7080": "aeldresagen pensionist gymnastik gaaklub petanque sogn dans cafe",
    "7173": "pensionist sogn",
    "7182": "pensionist gymnastik sogn cafe",
    "7183": "pensionist gaaklub",
    "7184": "pensionist gymnastik",
    "7300": "aeldresagen pensionist gymnastik gaaklub sogn lokalhistorie strik cafe besoeg",
    "7321": "pensionist sogn",
    "7323": "aeldresagen pensionist gymnastik gaaklub sogn petanque svoem cafe mand besoeg",
}

SOGNE = {
    "7500": ["Holstebro", "Nørreland", "Tvis", "Mejrup", "Måbjerg", "Sct. Jørgens"],
    "7100": ["Sankt Nicolai", "Nørremarken", "Søndermarken", "Grejs", "Skibet", "Hover"],
    "7830": ["Vinderup", "Sevel", "Ejsing"],
    "7120": ["Bredballe"],
    "6990": ["Ulfborg", "Staby"],
}
MAIN_ONLY = {"aeldresagen", "frivilligcenter", "museum", "it", "bowling", "svoem", "foredrag", "udflugt"}
URBAN = {"7500", "7100", "7120"}
RURAL = {"7173", "7182", "7183", "7184", "7321"}

GEN_SENT = ["Tag selv kaffe med.", "Der er kaffe på kanden.", "Du er velkommen til at kigge forbi uden tilmelding.",
            "Tag gerne en ven eller nabo med.", "Vi glæder os til at se dig.",
            "Alle kan være med, uanset alder og form.", "Mød bare op – vi tager godt imod nye.",
            "Spørg endelig, hvis der er noget, du er i tvivl om.", "Vi er en blandet flok, og der er altid plads til flere.",
            "Vi holder pause i juli.", "Det er helt i orden at komme alene."]
COND_SENT = {
    "pickup": ["Kørsel kan arrangeres, hvis du ikke selv kan komme.",
               "Vi kan tilbyde afhentning – ring til {cf} dagen før.",
               "Har du svært ved at komme frem, så spørg om kørsel.",
               "Frivillige chauffører sørger for afhentning og kørsel hjem."],
    "flextur": ["Du kan komme hertil med flextur – vi hjælper gerne med at bestille.",
                "Flextur kører helt til døren.", "Bor du uden for byen, kan du bestille flextur."],
    "public_transport": ["Bussen holder lige uden for.", "Der er kun få minutters gang fra busstoppestedet.",
                         "Du kan tage bus hertil – stoppestedet ligger tæt ved."],
    "welcome": ["{cf} tager imod nye og viser dig til rette.",
                "Ring til {cf} før første gang, så står der en klar til at tage imod dig.",
                "Er du ny, så spørg efter {cf}.",
                "Vi har en følgeven, der kan gå med dig første gang.",
                "En af os står altid ved døren og tager imod nye."],
    "welcome_home": ["Ring til {cf} for en uforpligtende snak.", "Kontakt {cf}, så tager vi det derfra.",
                     "{cf} ringer dig op og hører, hvad du har lyst til."],
    "hearing_loop": ["Der er teleslynge i lokalet."],
    "accessible_toilet": ["Der er niveaufri adgang og handicaptoilet.", "Lokalet ligger i stueplan, og der er handicaptoilet."],
}
GENERIC_NOTES = ["Ikke i juli", "Sommerpause i juli", "Ikke på helligdage", "Undtagen i skolernes ferier",
                 "Sommerpause juni-august"]
MONTHS_RE = re.compile(r"(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|sæson)", re.I)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def slug(text):
    t = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u"), ("ö", "oe"), ("ä", "ae")):
        t = t.replace(a, b)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def load_postcodes():
    pcs = {}
    with open(POSTCODES_CSV, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pcs[row["postcode"]] = dict(name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                                        muni=row["municipality_code"])
    return pcs


def jitter(lat, lon, max_km):
    d = max_km * math.sqrt(rng.random())
    ang = rng.random() * 2 * math.pi
    dlat = d * math.cos(ang) / 111.32
    dlon = d * math.sin(ang) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def phone(prefix=None):
    p = prefix or rng.choice(MOBILE_PREFIX)
    return "+45 %s %02d %02d %02d" % (p, rng.randint(10, 99), rng.randint(0, 99), rng.randint(0, 99))


def assoc_phone(muni):
    if rng.random() < 0.5:
        p = rng.choice(["97", "96"]) if muni == "0661" else rng.choice(["75", "76"])
        return phone(p)
    return phone()


SENT_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ]|$)")
USED_NAMES = set()
RED_CROSS = []
MISFITS = []


def person():
    while True:
        female = rng.random() < 0.58
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = rng.choice(SURNAMES)
        if rng.random() < 0.08:
            last = rng.choice(SURNAMES) + " " + last
        if (first, last) not in USED_NAMES:
            USED_NAMES.add((first, last))
            return {"first": first, "name": "%s %s" % (first, last), "phone": phone()}


def rdate():
    # skewed towards autumn 2026
    m = min(11, max(1, int(round(11 - abs(rng.gauss(0, 3.2))))))
    d = rng.randint(1, 28 if m == 2 else 30)
    if m == 11:
        d = rng.randint(1, 20)
    return "2026-%02d-%02d" % (m, d)


def wchoice(options, weights):
    return rng.choices(options, weights=weights, k=1)[0]


USES = {}


def varied(options, bucket):
    """Pick an option, preferring those used least so far (keeps the data set varied)."""
    opts = list(options)
    weights = [1.0 / (1 + USES.get((bucket, o), 0)) ** 2 for o in opts]
    o = rng.choices(opts, weights=weights, k=1)[0]
    USES[(bucket, o)] = USES.get((bucket, o), 0) + 1
    return o


# ---------------------------------------------------------------------------
# Venues with fixed coordinates
# ---------------------------------------------------------------------------
def build_venues(pcs):
    out = {}
    for pc, lst in VENUES.items():
        base = pcs[pc]
        vs = []
        for typ, name, addr in lst:
            lat, lon = jitter(base["lat"], base["lon"], 2.3 if pc in URBAN else 1.6)
            vs.append(dict(type=typ, name=name, address=addr, postcode=pc, city=base["name"], lat=lat, lon=lon))
        out[pc] = vs
    return out


def pick_venue(venues, pc, types, home=None, avoid=None):
    if home is not None and home["type"] in types and rng.random() < 0.7:
        return home
    cands = [v for v in venues[pc] if v["type"] in types and v is not avoid]
    if not cands:
        cands = [v for v in venues[pc] if v["type"] in types]
    if not cands:
        return home if home is not None else rng.choice(venues[pc])
    return rng.choice(cands)


# Titles that only make sense for certain venue types
TITLE_NEEDS = [("Medborgerhuset", {"medborger"}), ("biblioteket", {"bib"}), ("hallen", {"hal"}),
               ("cafeteriet", {"aktiv", "aeldre"}), ("dagligstuen", {"aeldre", "aktiv"}),
               ("sognegården", {"sogn"}), ("Biblioteket", {"bib"})]


def title_ok(title, venue):
    for word, types in TITLE_NEEDS:
        if word in title and (venue is None or venue["type"] not in types):
            return False
    return True


# ---------------------------------------------------------------------------
# Prices
# ---------------------------------------------------------------------------
def make_price(kind, start=None):
    """Return (price_dkk or None, price_note or None)."""
    if kind == "free":
        note = wchoice([None, "Gratis", "Gratis – kaffe på kanden", "Frivilligt bidrag til kaffen", "Gratis at deltage"],
                       [60, 10, 10, 10, 10])
        return 0, note
    if kind == "coffee":
        p = rng.choice([10, 10, 15, 20, 20, 25])
        return p, rng.choice(["Kaffe %d kr." % p, "Kaffe og kage %d kr." % p, "%d kr. for kaffe og brød" % p,
                              "Kaffe og hjemmebag %d kr." % p])
    if kind == "per":
        p = rng.choice([20, 25, 30, 30, 35, 40, 50, 60])
        return p, rng.choice(["%d kr. pr. gang" % p, "%d kr. pr. gang inkl. kaffe" % p, "Entré %d kr." % p,
                              "%d kr. pr. gang – klippekort kan købes" % p])
    if kind == "member":
        p = rng.choice([100, 125, 150, 150, 175, 200, 200, 250, 250, 300, 350])
        return p, rng.choice(["Kontingent %d kr. om året" % p, "Medlemskab %d kr. årligt" % p,
                              "Kontingent %d kr. pr. år – prøv gratis første gang" % p, "Årskontingent %d kr." % p])
    if kind == "season":
        p = rng.choice([250, 300, 325, 350, 400, 450])
        return p, rng.choice(["Sæsonpris %d kr." % p, "%d kr. for hele sæsonen" % p, "%d kr. pr. halvår" % p])
    if kind == "meal":
        p = rng.choice([40, 45, 50, 60, 65, 70, 75, 80, 90, 95, 110])
        opts = ["%d kr. for mad og kaffe" % p, "%d kr. for to retter" % p, "%d kr. inkl. kaffe og dessert" % p]
        if start is None or start >= "16:00":
            opts.append("Middag %d kr. – drikkevarer kan købes" % p)
        if start is None or start < "14:00":
            opts.append("Frokost %d kr." % p)
        return p, rng.choice(opts)
    if kind == "trip":
        p = rng.choice([150, 175, 200, 250, 275, 300, 350, 395, 425, 450])
        return p, rng.choice(["%d kr. inkl. bus, frokost og kaffe" % p, "Fra %d kr. afhængigt af turen" % p,
                              "Ca. %d kr. pr. tur" % p, "%d kr. – betales ved tilmelding" % p])
    raise ValueError(kind)


# ---------------------------------------------------------------------------
# Schedules
# ---------------------------------------------------------------------------
DAY_WORDS = [("mandag", "mon"), ("tirsdag", "tue"), ("onsdag", "wed"), ("torsdag", "thu"), ("fredag", "fri"),
             ("lørdag", "sat"), ("søndag", "sun")]
DEFAULT_TIMES = {"morning": ("09:30", "11:30"), "afternoon": ("14:00", "16:00"), "evening": ("19:00", "21:00")}


def tod_of(start):
    h = int(start[:2])
    return "morning" if h < 12 else "afternoon" if h < 17 else "evening"


def text_hints(text):
    """Weekdays and time of day that a title or sentence names."""
    low = text.lower()
    days = [code for word, code in DAY_WORDS if word in low]
    tod = None
    if "eftermiddag" in low:
        tod = "afternoon"
    elif "aften" in low:
        tod = "evening"
    elif "formiddag" in low or re.search(r"(^|[^d])morgen", low):
        tod = "morning"
    return days, tod


def make_schedule(t, used_days, title=""):
    w, w2, wm, wn = t["sched"]
    # damp fortnightly/monthly a little so weekly dominates overall
    freq = wchoice(["w", "2w", "m", "none"], [w, w2 * 0.6, wm * 0.75, wn])
    hint_days, hint_tod = text_hints(title)
    if freq == "none" and not hint_days:
        return [], None
    if freq == "none":
        freq = "w"
    days = [d for d in t["days"] if d not in used_days] or t["days"]
    day = hint_days[0] if hint_days else rng.choice(days)
    times = [x for x in t["times"] if hint_tod is None or tod_of(x[0]) == hint_tod]
    start, end = rng.choice(times) if times else DEFAULT_TIMES[hint_tod]
    entry = {"weekday": day, "start": start, "end": end}
    sched = [entry]
    mnote = None
    if len(hint_days) > 1:
        sched.append({"weekday": hint_days[1], "start": start, "end": end})
    elif freq == "2w":
        entry["every_weeks"] = 2
    elif freq == "m":
        wk = rng.choice([1, 1, 1, 2, 3, 4, -1, -1])
        entry["week_of_month"] = wk
        mnote = "%s %s i måneden" % (ORD_DA[wk].capitalize(), DAY_DA[day])
    elif rng.random() < 0.14 and len(t["days"]) > 1 and not hint_days:
        other = [d for d in t["days"] if d != day]
        d2 = rng.choice(other)
        sched.append({"weekday": d2, "start": start, "end": end})
    order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    sched.sort(key=lambda e: order.index(e["weekday"]))
    return sched, mnote


def fits_schedule(s, schedule):
    """A sentence naming a weekday, time of day, clock time or frequency must agree with the schedule."""
    if not schedule:
        return True
    low = s.lower()
    days, tod = text_hints(s)
    sdays = {e["weekday"] for e in schedule}
    if days and not set(days) <= sdays:
        return False
    start, end = schedule[0]["start"], schedule[0]["end"]
    if tod and tod_of(start) != tod:
        return False
    m = re.search(r"kl\. (\d{1,2})[.:]?(\d\d)?", low)
    if m:
        hhmm = "%02d:%s" % (int(m.group(1)), m.group(2) or "00")
        if not start <= hhmm < end:
            return False
    weekly = all("every_weeks" not in e and "week_of_month" not in e for e in schedule)
    if "hver uge" in low or "hver mandag" in low or "ugentlig" in low:
        return weekly
    if "om måneden" in low:
        return any("week_of_month" in e for e in schedule)
    return True


# ---------------------------------------------------------------------------
# Transport, accessibility, description
# ---------------------------------------------------------------------------
TRANSPORT_ORDER = ["public_transport", "parking", "disabled_parking", "pickup", "flextur", "at_home"]
ACC_ORDER = ["wheelchair", "accessible_toilet", "hearing_loop", "dementia_friendly"]
BUILDING = {"aktiv", "aeldre", "medborger", "kultur", "bib", "hal", "svoem", "multi", "frivillig", "museum"}


def make_transport(t, venue, pc):
    tr = set()
    vt = "natur" if venue["type"] == "strand" else venue["type"]
    if pc in URBAN:
        p_pub, p_flex = (0.55 if vt == "natur" else 0.8), 0.04
    elif pc in RURAL:
        p_pub, p_flex = 0.15, 0.75
    else:
        p_pub, p_flex = 0.5, 0.3
    if rng.random() < p_pub:
        tr.add("public_transport")
    if rng.random() < p_flex:
        tr.add("flextur")
    if rng.random() < (0.9 if vt in ("natur", "hal", "forsamling", "klub") else 0.7):
        tr.add("parking")
    if rng.random() < (0.4 if vt in BUILDING or vt == "sogn" else 0.05):
        tr.add("disabled_parking")
    if rng.random() < t["pickup"]:
        tr.add("pickup")
    return tr


def make_access(t, venue):
    vt = "natur" if venue["type"] == "strand" else venue["type"]
    acc = set()
    if vt in BUILDING:
        pw, pt, ph = 0.85, 0.75, 0.35
    elif vt == "sogn":
        pw, pt, ph = 0.6, 0.5, 0.6
    elif vt in ("forsamling", "skole", "have"):
        pw, pt, ph = 0.4, 0.3, 0.1
    elif vt in ("klub", "bowling"):
        pw, pt, ph = 0.5, 0.4, 0.0
    else:  # natur
        pw, pt, ph = 0.12, 0.0, 0.0
    if rng.random() < pw:
        acc.add("wheelchair")
        if rng.random() < pt / max(pw, 0.01):
            acc.add("accessible_toilet")
    if rng.random() < ph:
        acc.add("hearing_loop")
    for a in t["acc"]:
        if a == "dementia_friendly" or rng.random() < 0.85:
            acc.add(a)
    if "accessible_toilet" in acc and vt != "natur":
        acc.add("wheelchair")
    return acc


def sentence_ok(s, price, price_kind, price_note=None):
    low = s.lower()
    if "entré" in low:
        return price_kind == "per"
    if "klippekort" in low:
        return price_kind in ("per", "season")
    if "første gang er gratis" in low or "prøv gratis" in low:
        return price is not None and price > 0
    if "gratis" in low or "koster ikke" in low:
        return price == 0
    if any(w in low for w in ("entré", "betaler", "udgiften", "indgår", "klippekort")):
        return price is not None and price > 0
    if " kr." in low:
        return price is not None and not price_note and (price > 0 or price_kind == "free")
    return True


def implied_codes(s):
    """Codes that a sentence promises, so text and codes agree."""
    low = s.lower()
    tr, acc = set(), set()
    if "teleslynge" in low:
        acc.add("hearing_loop")
    if "handicaptoilet" in low:
        acc.update({"accessible_toilet", "wheelchair"})
    if "kørestol" in low or "niveaufri" in low or "lift" in low:
        acc.add("wheelchair")
    if "kørsel kan" in low or "hentet" in low or "henter" in low or "afhentning" in low:
        tr.add("pickup")
    if "bussen holder" in low or "busstoppested" in low:
        tr.add("public_transport")
    if "parkering" in low:
        tr.add("parking")
    if "flextur" in low:
        tr.add("flextur")
    return tr, acc


def fill(s, ctx):
    return s.format(**ctx)


# ---------------------------------------------------------------------------
# Associations and activities
# ---------------------------------------------------------------------------
def make_association(kind_key, pc, pcs, venues, used_ids, used_cafe_venues):
    kind = KINDS[kind_key]
    muni = pcs[pc]["muni"]
    town = pcs[pc]["name"]
    home = None
    if kind["venue_pref"]:
        cands = [v for v in venues[pc] if v["type"] in kind["venue_pref"] and v["name"] not in used_cafe_venues]
        if cands:
            home = rng.choice(cands)
    for _ in range(200):
        if kind_key in MAIN_ONLY:
            place = "Vejle" if pc == "7120" else town
        elif kind_key == "sogn" and pc in SOGNE:
            place = rng.choice(SOGNE[pc])
        else:
            place = rng.choice(PLACES[pc])
        if kind_key == "sogn":
            sv = [v for v in venues[pc] if v["type"] == "sogn"]
            match = [v for v in sv if place.split()[-1] in v["name"]]
            home = rng.choice(match or sv) if sv else None
        museum = next((v["name"] for v in venues[pc] if v["type"] == "museum"), town + " Museum")
        if home is None:
            t0 = (kind["core"] or kind["opt"])[0]
            local = [v for v in venues[pc] if place != town and place.split()[-1] in v["name"]]
            fitting = [v for v in local if v["type"] in t0["venue"]]
            if fitting:
                home = rng.choice(fitting)
            elif local and rng.random() < 0.7:
                home = rng.choice(local)
            else:
                home = pick_venue(venues, pc, t0["venue"])
        pattern = varied(kind["names"], "name:" + kind_key)
        if kind_key == "besoeg" and pc in ("7500", "7100") and not any(
                n.startswith("Røde Kors") and m == muni for n, m in RED_CROSS):
            pattern = kind["names"][0]
        name = pattern.format(place=place, town=("Vejle" if pc == "7120" else town),
                                                venue=home["name"], museum=museum)
        aid = slug(name)[:100]
        if aid not in used_ids:
            break
        home = None if not kind["venue_pref"] else home
    else:
        raise RuntimeError("no unique name for %s %s" % (kind_key, pc))
    used_ids.add(aid)
    RED_CROSS.append((name, muni))
    if kind_key == "cafe":
        used_cafe_venues.add(home["name"])
    ctx = dict(place=place, town=town)
    desc = fill(varied(kind["adesc"], "adesc:" + kind_key), ctx)
    contacts = [person() for _ in range(rng.choice([1, 1, 2, 2, 3]))]
    domain = slug(name)[:40].strip("-") + ".example.dk"
    assoc = {"id": aid, "name": name, "description": desc, "municipality": muni}
    if rng.random() < 0.75:
        assoc["website"] = "https://" + domain
    if rng.random() < 0.6:
        assoc["email"] = rng.choice(["kontakt@", "info@", "formand@", slug(contacts[0]["first"]) + "@"]) + domain
    if rng.random() < 0.65:
        assoc["phone"] = assoc_phone(muni)
    meta = dict(kind=kind_key, pc=pc, place=place, home=home, contacts=contacts, domain=domain)
    return assoc, meta


def other_postcode(pc, pcs, types):
    muni = pcs[pc]["muni"]
    cands = [p for p in MUNI[muni] if p != pc and any(v[0] in types for v in VENUES[p])]
    return rng.choice(cands) if cands else pc


def make_activity(assoc, meta, t, pcs, venues, used_ids, used_titles, used_days):
    pc = meta["pc"]
    if meta["kind"] in ("gaaklub", "cykel", "udflugt", "aeldresagen", "frivilligcenter", "aeldreidraet") \
            and not t["home"] and rng.random() < 0.12:
        pc = other_postcode(pc, pcs, t["venue"])
    city = pcs[pc]["name"]
    venue = None
    if not t["home"]:
        if meta["kind"] == "cafe" or (meta["kind"] == "frivilligcenter" and meta["home"]["type"] in t["venue"]):
            pc = meta["pc"]
            city = pcs[pc]["name"]
            venue = meta["home"]
        else:
            venue = pick_venue(venues, pc, t["venue"], meta["home"] if pc == meta["pc"] else None)

    # title
    titles = [x for x in t["titles"] if title_ok(x, venue) and ("{venue}" not in x or venue is not None)]
    fresh = [x for x in titles if x not in used_titles] or titles
    raw_title = varied(fresh, "title:" + str(t["key"]))
    used_titles.add(raw_title)
    place = meta["place"] if pc == meta["pc"] else city
    title = raw_title.format(place=place, venue=venue["name"] if venue else "")

    contact = rng.choice(meta["contacts"])
    ctx = dict(cf=contact["first"], place=place, town=city)

    schedule, mnote = make_schedule(t, used_days, title)
    for e in schedule:
        used_days.add(e["weekday"])
    first_start = schedule[0]["start"] if schedule else None

    # price
    if t["home"] or t["key"] in ("besoeg", "telefon", "foelge", "frivillig"):
        pkind, price, pnote = "free", 0, None
        if rng.random() < 0.2:
            pnote = "Gratis"
    elif rng.random() < 0.24:
        pkind, price = None, None
        pnote = wchoice([None, "Pris oplyses ved tilmelding", "Spørg om prisen", "Se hjemmesiden"], [70, 10, 10, 10])
    else:
        pkind = rng.choice(t["price"])
        price, pnote = make_price(pkind, first_start)

    # codes
    if t["home"]:
        transport, access = {"at_home"}, set()
    else:
        transport = make_transport(t, venue, pc)
        access = make_access(t, venue)
    welcome = rng.random() < t["welcome"]

    # description
    cores = [c for c in t["core"] if fits_schedule(c, schedule)]
    if not cores:
        MISFITS.append((t["key"], title, schedule))
        cores = t["core"]
    sents = [fill(varied(cores, "core:" + str(t["key"])), ctx)]
    extras = [s for s in t["extra"] if sentence_ok(s, price, pkind, pnote) and fits_schedule(s, schedule)]
    if t["home"]:
        extras = [s for s in extras if implied_codes(s) == (set(), set())]
    k = min(len(extras), rng.choice([0, 1, 1, 1, 2, 2]))
    for s in rng.sample(extras, k):
        sents.append(fill(s, ctx))
    cond = []
    if not t["home"]:
        if "pickup" in transport and rng.random() < 0.75:
            cond.append(rng.choice(COND_SENT["pickup"]))
        if "flextur" in transport and rng.random() < 0.45:
            cond.append(rng.choice(COND_SENT["flextur"]))
        if "public_transport" in transport and rng.random() < 0.2 and venue["type"] not in ("natur", "strand"):
            cond.append(rng.choice(COND_SENT["public_transport"]))
        if "hearing_loop" in access and rng.random() < 0.15:
            cond.append(COND_SENT["hearing_loop"][0])
        if "accessible_toilet" in access and rng.random() < 0.12:
            cond.append(rng.choice(COND_SENT["accessible_toilet"]))
    if welcome and rng.random() < 0.55:
        cond.append(rng.choice(COND_SENT["welcome_home" if t["home"] else "welcome"]))
    said = " ".join(sents).lower()
    cond = [c for c in cond if not any(w in said and w in c.lower() for w in
                                       ("teleslynge", "handicaptoilet", "kørsel", "hent", "flextur", "bus", "følgeven"))]
    rng.shuffle(cond)
    for s in cond[:2]:
        sents.append(fill(s, ctx))
    if rng.random() < 0.25 and not t["home"]:
        has_coffee = any("kaffe" in x.lower() for x in sents)
        sents.append(rng.choice([g for g in GEN_SENT if fits_schedule(g, schedule)
                                 and not (has_coffee and "kaffe" in g.lower())]))
    if rng.random() < 0.1:
        sents = sents[:1]
    seen, text, nsent = set(), [], 0
    for s in sents:
        n = len(SENT_END.findall(s))
        if s not in seen and nsent + n <= 5:
            seen.add(s)
            text.append(s)
            nsent += n
    for s in text:
        tr2, acc2 = implied_codes(s)
        if not t["home"]:
            transport |= tr2
            access |= acc2
    description = " ".join(text)

    # interests and targets
    interests = list(t["int"]) + [i for i in t["int_opt"] if rng.random() < 0.4]
    interests = list(dict.fromkeys(interests))
    targets = list(t["tg"]) + [g for g in t["tg_opt"] if rng.random() < 0.3]
    targets = list(dict.fromkeys(targets))

    # id
    base = (assoc["id"] + "-" + slug(title))[:120].strip("-")
    aid, n = base, 2
    while aid in used_ids:
        aid = "%s-%d" % (base, n)
        n += 1
    used_ids.add(aid)

    act = {"id": aid, "association": assoc["id"], "title": title, "description": description,
           "interests": interests}
    if targets:
        act["target_groups"] = targets
    loc = {}
    if venue is not None:
        loc["name"] = venue["name"]
        if rng.random() < 0.95:
            loc["address"] = venue["address"]
    loc["postcode"] = pc
    loc["city"] = city
    if venue is not None and rng.random() < 0.8:
        loc["lat"], loc["lon"] = venue["lat"], venue["lon"]
    act["location"] = loc
    if schedule:
        act["schedule"] = schedule
    note = None
    if not schedule:
        note = rng.choice(t["notes"]) if t["notes"] and rng.random() < 0.85 else None
    elif not any(MONTHS_RE.search(s) for s in text):
        r = rng.random()
        if mnote and r < 0.35:
            note = mnote
        elif t["notes"] and r < 0.5:
            note = rng.choice(t["notes"])
        elif r < 0.6:
            note = rng.choice(GENERIC_NOTES)
    if note:
        act["schedule_note"] = note
    act["transport"] = [c for c in TRANSPORT_ORDER if c in transport]
    act["accessibility"] = [c for c in ACC_ORDER if c in access]
    if price is not None:
        act["price_dkk"] = price
    if pnote:
        act["price_note"] = pnote
    uses_cf = contact["first"] in description
    if uses_cf or rng.random() < 0.85:
        c = {"name": contact["name"], "phone": contact["phone"]}
        if rng.random() < 0.35:
            c["email"] = slug(contact["first"]).replace("-", ".") + "@" + meta["domain"]
        act["contact"] = c
    act["welcome"] = welcome
    act["updated_at"] = rdate()
    return act


def main():
    pcs = load_postcodes()
    venues = build_venues(pcs)
    associations, activities = [], []
    assoc_ids, act_ids, cafe_venues = set(), set(), set()
    for muni in ("0661", "0630"):
        for pc in MUNI[muni]:
            assert pcs[pc]["muni"] == muni, pc
            for kind_key in PLAN[pc].split():
                assoc, meta = make_association(kind_key, pc, pcs, venues, assoc_ids, cafe_venues)
                associations.append(assoc)
                kind = KINDS[kind_key]
                lo, hi = kind["nopt"]
                opt = rng.sample(kind["opt"], min(len(kind["opt"]), rng.randint(lo, hi)))
                templates = kind["core"] + opt
                used_titles, used_days = set(), set()
                for t in templates:
                    activities.append(make_activity(assoc, meta, t, pcs, venues, act_ids, used_titles, used_days))
    data = {"associations": associations, "activities": activities}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if MISFITS:
        print("warning: %d activities without a fitting first sentence: %s" % (len(MISFITS), MISFITS[:5]))
    print("wrote %s: %d associations, %d activities" % (os.path.relpath(OUT, ROOT), len(associations), len(activities)))


if __name__ == "__main__":
    main()
