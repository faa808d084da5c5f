#!/usr/bin/env python3
"""pages: 30 real news excerpts (stored openings of public web pages) annotated by
../../../shared/docs/judgement-guide.md, in the realnews gold format. Our own held-out check,
disjoint from ../../../shared/data/realnews (different queries, topics and URLs).

The texts in texts/ are excerpts of copyrighted news reports, kept for evaluation only.

usage: python3 pages_build.py           validate, then write pages.jsonl and pages_in.jsonl
       python3 pages_build.py --check   validate only

Checks: every name, alias, anonymity reason, role, affiliation and claim text is an exact
substring of the article text; every name in the claim lists is a source name of the article;
kinds, topics and grades are valid; no source name is repeated; a source is not both a
supporter and a disputer; nobody in the claim's `sources` also disputes or declines to confirm it.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"official", "expert", "analyst", "interested_party", "witness", "organisation",
         "document", "media", "other"}
TOPICS = {"national_security", "domestic_politics", "business_tech", "crime", "health",
          "science"}


def S(name, kind, anon=False, aliases=(), reason=None, role=None, aff=None, note=None):
    d = {"name": name, "aliases": list(aliases), "anonymous": anon, "anonymity_reason": reason,
         "kind": kind, "role": role, "affiliation": aff}
    if note:
        d["note"] = note
    return d


def C(text, sources=(), sup=(), dis=(), nc=(), rel=(), cred=(), grade_note="", note=None):
    d = {"text": text, "sources": list(sources), "supported_by": list(sup),
         "disputed_by": list(dis), "not_confirmed_by": list(nc),
         "grade_ok": {"reliability": list(rel), "credibility": list(cred)},
         "grade_note": grade_note}
    if note:
        d["note"] = note
    return d


ARTICLES = []


def A(id, url, outlet, topic, sources, claim, authors=()):
    ARTICLES.append({"id": id, "url": url, "outlet": outlet, "topic": topic,
                     "authors": list(authors), "sources": sources, "central_claim": claim})


# ---------------------------------------------------------------- national security (01-12)

A("01-nbcnews-pakistan-drone-strike",
  "http://www.nbcnews.com/news/world/pakistan-officials-key-al-qaeda-commander-killed-drone-strike-n263221",
  "NBC News", "national_security",
  [S("two Pakistani security officials", "official", True,
     ["security officials", "the officials", "one of the security officials"],
     reason="They spoke on condition of anonymity because they were not authorized to speak to the press",
     note="'one of the security officials' is quoted alone; merged with the pair (nothing tells him apart)"),
   S("Pakistan's military", "organisation",
     note="formally denied that a drone strike had taken place"),
   S("Pakistan", "organisation",
     note="'Pakistan said it had killed ... Adnan el Shukrijumah' (background claim); kept apart "
          "from the military, which is credited with a different statement")],
  C("A senior al Qaeda commander and five other militants were killed in a drone strike in Pakistan",
    ["two Pakistani security officials"], dis=["Pakistan's military"],
    rel=["F"], cred=[3, 4],
    grade_note="Only unnamed officials (F). Specific details, but Pakistan's military formally denied "
               "that any drone strike took place, a named official dispute, so possibly true to doubtful."),
  authors=["Mushtaq Yusufzai"])

A("02-outlookindia-baghdad-drone-kataib-hezbollah",
  "https://www.outlookindia.com/international/drone-strike-in-baghdad-kills-high-ranking-militia-commander-officials-say",
  "Outlook India (wire report)", "national_security",
  [S("A U.S. official familiar with the matter", "official", True, ["The official"],
     reason="was not authorized to comment publicly and requested anonymity"),
   S("Two officials with Iran-backed militias in Iraq", "official", True, ["The officials"],
     reason="spoke on condition of anonymity because they weren't authorized to speak to journalists",
     aff="Iran-backed militias in Iraq",
     note="militia officials on their own casualties; the lede's bare 'officials said' covers both "
          "unnamed groups and is not listed apart")],
  C("A US drone strike hit a car in the Iraqi capital Wednesday night, killing three members of the powerful Kataib Hezbollah militia, including a high-ranking commander",
    ["A U.S. official familiar with the matter", "Two officials with Iran-backed militias in Iraq"],
    rel=["F"], cred=[2, 3],
    grade_note="Only unnamed sources (F), but two independent sides (the attacker and the militia) "
               "agree on the strike and the commander: probably true."),
  )

A("03-cnn-pentagon-taliban-commandos-dispute",
  "http://edition.cnn.com/2001/US/09/29/ret.commando.capture/index.html",
  "CNN", "national_security",
  [S("A Pentagon official", "official", True, ["The Pentagon", "the Pentagon"], aff="Pentagon",
     note="the Pentagon and its unnamed official make one statement (no evidence backs the report): "
          "one source, as the guide's organisation/spokesperson rule; anonymous because the person is unnamed"),
   S("U.S. officials", "official", True,
     note="confirmed Special Operations forces were in Afghanistan but say the Pentagon is not 'lending credence'"),
   S("a White House administration official", "official", True, aff="White House"),
   S("Taliban Foreign", "interested_party", aff="Taliban",
     note="the Taliban Foreign ministry, split from 'the Taliban Foreign and Defense ministries'; "
          "a state speaking about its own alleged act (the capture)"),
   S("Defense ministries", "interested_party", aff="Taliban",
     note="the Taliban Defense ministry, split from 'the Taliban Foreign and Defense ministries'"),
   S("Al-Jazeera TV", "media", False,
     ["a reporter for Arabic language Al-Jazeera TV", "an Arabic television report",
      "Arabic-language TV report", "The report"],
     note="the report being denied; the unnamed reporter is folded into the outlet"),
   S("The United States", "organisation",
     note="'The United States says' bin Laden is the prime suspect (background)")],
  C("The Pentagon said Saturday no evidence backs up an Arabic television report that three U.S. commandos and two Afghans assisting them were captured on a reconnaissance mission in Afghanistan",
    ["A Pentagon official"],
    sup=["U.S. officials", "a White House administration official", "Taliban Foreign", "Defense ministries"],
    dis=["Al-Jazeera TV"],
    rel=["B", "C"], cred=[2, 3],
    grade_note="Denial-led: graded for the denial. The Pentagon (named institution, unnamed official) "
               "is usually reliable; the White House and, from the other side, the Taliban ministries "
               "(on the record) deny the capture too; only the Al-Jazeera report asserts it.",
    note="US officials are 'official' (the capture would be an act done to them, not their own "
         "conduct); the Taliban ministries deny their own alleged act, so interested parties. "
         "Two speakers denying the same allegation support each other."))

A("04-newsiq-afp-israeli-strike-south-of-beirut",
  "https://news.iq/en/israeli-strike-near-beirut-targets-hezbollah-member-security-source",
  "News.iq (Agence France-Presse)", "national_security",
  [S("A security source", "official", True, ["The security source"],
     reason="requesting anonymity as they were not authorised to speak to the media"),
   S("the National News Agency", "media", False, ["Lebanese state media"]),
   S("the Israeli military", "interested_party",
     note="describes its own strikes of the day before"),
   S("Lebanon’s health ministry", "organisation")],
  C("an Israeli strike Tuesday south of Beirut targeted and wounded a Hezbollah member",
    ["A security source"],
    rel=["F"], cred=[2, 3],
    grade_note="One unnamed security source (F). State media independently report a drone strike on a "
               "car at the place, and AFP's photographer saw the burnt-out car, so probably true.",
    note="The National News Agency corroborates the strike on a car but not that the target was a "
         "Hezbollah member, so it is not listed as a supporter. AFP's photographer is the outlet's own "
         "reporter, not a source."))

A("05-thesways-aljazeera-nabatieh-strike",
  "https://thesways.com/at-least-10-killed-in-israeli-attack-on-southern-lebanon",
  "The Sways (text of an Al Jazeera report)", "national_security",
  [S("Lebanon’s Ministry of Health", "organisation", False,
     ["Lebanese Health Ministry", "the ministry"]),
   S("Israel’s military", "interested_party", False,
     ["the Israeli military", "the military"],
     note="a state describing its own strike"),
   S("Mohammad Shoaib", "other",
     note="runs a slaughterhouse in Wadi al-Kfour; describes the area, not said to have seen the strike"),
   S("Lebanon’s National News Agency", "media"),
   S("the Armed Conflict Location and Event Data Project", "organisation",
     note="credited with data ('According to ...'): an organisation credited through its data stays "
          "the organisation")],
  C("An Israeli air strike in southern Lebanon has killed at least 10 people",
    ["Lebanon’s Ministry of Health"], sup=["Lebanon’s National News Agency"],
    rel=["B", "C"], cred=[2, 3],
    grade_note="A named ministry (a party to the conflict) gives the toll in a statement; state news "
               "agency reports the dead at the site. Israel disputes what was hit, not the deaths.",
    note="Israel's claim of a weapons warehouse contradicts the ministry's 'residence attacked', not "
         "the death toll, so Israel's military neither supports nor disputes the central claim. "
         "'There was no immediate comment from Hezbollah' is an absence, not a refusal: not a source."))

A("06-jpost-houthi-eisenhower-claim-false",
  "https://jpost.com/breaking-news/article-807244",
  "The Jerusalem Post (after Reuters)", "national_security",
  [S("two US officials", "official", True, ["one of the officials"],
     reason="speaking on condition of anonymity"),
   S("Yemen's Houthi group", "interested_party", False, ["the Houthi group", "The group"],
     note="claims its own attack"),
   S("A Houthi statement", "document",
     note="'A Houthi statement said ...': the statement is the subject of the credit (guide 1.9)"),
   S("IRNA", "media", False, ["the Iranian state news website IRNA"]),
   S("Houthi-own media outlets", "media", True),
   S("the United Kingdom Maritime Trade Operations", "organisation", False, ["UKMTO"]),
   S("Reuters", "media", False, ["A Reuters report"],
     note="listed for 'A Reuters report stated'; 'told Reuters' alone would not make it a source"),
   S("managers of the Galaxy Leader", "interested_party",
     note="identified by a unique relationship (the ship's managers), so not anonymous")],
  C("A claim by Yemen's Houthi group on Saturday that its forces had attacked the US aircraft carrier Eisenhower in the Red Sea is false",
    ["two US officials"], dis=["Yemen's Houthi group", "A Houthi statement"],
    rel=["F", "B"], cred=[2, 3],
    grade_note="Denial-led: the claim is the officials' denial. Unnamed officials relayed by a named "
               "agency (F, or B for Reuters). The Houthis, an interested party offering no evidence, "
               "are the only dispute: probably true."))

A("07-pri-nigeria-army-denies-executions",
  "https://www.pri.org/stories/2012-11-19/nigeria-army-denies-executing-boko-haram-captives",
  "PRI (Public Radio International)", "national_security",
  [S("Colonel Mohammed Yerima", "interested_party", role="spokesman", aff="Nigerian army",
     note="speaks for the army accused in the video"),
   S("Reuters", "media", False, ["Reuters news agency"],
     note="obtained the video that 'reportedly shows' the executions; the video is not listed apart"),
   S("Amnesty International", "organisation",
     note="credited through its report ('released a report ... which strongly criticized')"),
   S("Salil Shetty", "expert", role="secretary-general", aff="Amnesty International",
     note="head of a watchdog, quoted apart from the report"),
   S("Admiral Ola Ibrahim", "interested_party", role="chief of defense staff",
     note="comments on Amnesty's report for the accused military; 'to the BBC' only received the words")],
  C("Colonel Mohammed Yerima, a Nigerian army spokesman, has denied that report, telling Reuters the video is fake",
    ["Colonel Mohammed Yerima"], dis=["Reuters"],
    rel=["D", "E"], cred=[4, 5],
    grade_note="Denial-led: the accused army's spokesman calls the video fake (self-serving, at most D) "
               "without having seen it; the video obtained by Reuters contradicts him.",
    note="Amnesty and Shetty criticise the army's conduct in general but say nothing of this video; "
         "Ibrahim's remark on manipulated pictures predates it. Neither is counted for or against. "
         "'there were reports' / 'It was suggested' are unattributed and not listed."))

A("08-timeofpakistan-army-video-inquiry",
  "https://timeofpakistan.news/pakistan/2010/10/08/pakistani-army-chief-orders-video-inquiry/6682",
  "Time of Pakistan (text of a New York Times report)", "national_security",
  [S("Gen. Ashfaq Parvez Kayani", "interested_party", False,
     ["The chief of the Pakistani Army", "The army chief", "General Kayani"],
     role="army chief", aff="Pakistani Army",
     note="the army chief on an inquiry into his own soldiers"),
   S("the army", "interested_party", False, ["the Pakistani military"],
     note="'initially dismissed by the army as a fake': a different statement from Kayani's. "
          "'the Pakistani military acknowledged ...' is nested in the American official's claim"),
   S("an American official", "official", True),
   S("retired American military officers", "expert", True,
     note="split from 'retired American military officers and intelligence analysts'"),
   S("intelligence analysts", "analyst", True,
     note="split from 'retired American military officers and intelligence analysts'"),
   S("Two retired senior Pakistani officers", "expert", True),
   S("Philip J. Crowley", "official", role="spokesman", aff="State Department"),
   S("American law", "document", note="a law credited with requiring something (guide 1.8)")],
  C("The chief of the Pakistani Army said Friday that he had ordered an inquiry into an Internet video that shows men in Pakistani military uniforms executing six young men in civilian clothes",
    ["Gen. Ashfaq Parvez Kayani"],
    rel=["A", "B"], cred=[2],
    grade_note="The army chief reporting his own act in a statement (not capped: not self-serving as "
               "to the act itself); nobody else confirms the inquiry on the record.",
    note="The Pakistani Embassy only released the statement (a conduit) and is not listed. Anne "
         "Patterson 'discussed the video' (an act)."))

A("09-spokesman-embassy-closures-intercept",
  "http://www.spokesman.com/stories/2013/aug/06/us-spying-led-to-closures/",
  "The Spokesman-Review (wire report)", "national_security",
  [S("Officials", "official", True,
     note="the U.S. half of 'U.S. and Yemeni officials' (split) and the unqualified 'Officials said "
          "Monday' / 'Officials say' that follow"),
   S("Yemeni officials", "official", True, ["a Yemeni official"],
     reason="requested anonymity when discussing intelligence matters",
     note="the Yemeni half of 'U.S. and Yemeni officials'; the quoted 'Yemeni official' is merged "
          "with them (nothing tells him apart)"),
   S("Rep. Adam Schiff", "official", False, ["Schiff"], role="member",
     aff="House intelligence committee",
     note="'intelligence officials believe ...' is nested inside Schiff's statement")],
  C("The Obama administration’s decision to temporarily shut 28 diplomatic posts came after U.S. intelligence intercepted communications between the al-Qaida leader who succeeded Osama bin Laden and the head of the terrorist network’s affiliate in Yemen",
    ["Officials", "Yemeni officials"],
    rel=["F"], cred=[2, 3],
    grade_note="Only unnamed officials (F), though of two governments; Schiff speaks to the threat, "
               "not to the intercept."))

A("10-wamu-npr-fsb-names-cia-station-chief",
  "http://wamu.org/news/13/05/18/russian_official_names_cia_station_chief_in_moscow",
  "WAMU (NPR)", "national_security",
  [S("a Russian official", "official", True,
     ["a representative of the FSB", "The FSB agent", "the FSB agent"], aff="FSB"),
   S("The Guardian", "media", note="quoted at length ('The Guardian explains:')"),
   S("The US embassy", "organisation", note="declined to comment (reported through the Guardian)"),
   S("Oleg Kalugin", "expert", role="former KGB general",
     note="a former official commenting as a specialist (and Kremlin critic)"),
   S("Komsomolskaya Pravda", "media", False, ["the tabloid Komsomolskaya Pravda"]),
   S("Russia Today", "media",
     note="'According to Russia Today, which reprinted the interview'"),
   S("Russia", "organisation", False, ["the Russians"],
     note="'the person Russia believes is the CIA station chief', 'whom the Russians say is a CIA operative'"),
   S("The BBC", "media", note="'The BBC reports that the U.S. has not commented'")],
  C("Breaching protocol, a Russian official let a name slip during an interview with Interfax, the state news agency",
    [], nc=["The US embassy"],
    rel=["B", "C"], cred=[2, 3],
    grade_note="Asserted in the outlet's own voice (NPR), about a published interview that Russia "
               "Today reprinted; the US side declined to comment.",
    note="Interfax only received the words (an interview given to it) and is not a source. The "
         "naming is the event; its source is the outlet."))

A("11-11alive-navy-seal-raid-somalia",
  "http://archive.11alive.com/rss/article/308788/40/Navy-SEAL-team-conducts-raid-in-Somalia-Reports",
  "11Alive (WXIA-TV)", "national_security",
  [S("The New York Times", "media", False, ["the Times", "The Times"]),
   S("NBC News", "media"),
   S("Sources", "other", True, note="bare 'Sources told NBC News and The Guardian'"),
   S("The Guardian", "media", False, ["The Guardian newspaper", "the Guardian"]),
   S("a senior American official", "official", True, ["the official"],
     note="relayed by the Times ('the Times reported a senior American official saying')"),
   S("a Somali official", "official", True, note="relayed by the Guardian"),
   S("George Little", "official", role="spokesman", aff="Pentagon",
     note="declined to comment on the raid"),
   S("Somali officials", "official", True, note="told the Times the government had been informed"),
   S("One al-Shabab spokesman", "interested_party", True, ["An al-Shabab spokesman"],
     aff="al-Shabab", note="both spokesman mentions speak to the Guardian; merged"),
   S("British officials", "official", True),
   S("Al-Shabab", "interested_party",
     note="'has claimed responsibility' for the mall attack: a party claiming its own act, apart "
          "from its spokesman's statements on the raid")],
  C("A team of Navy SEALs raided an al-Shabab militant group in Somalia in a daring predawn attack",
    ["The New York Times", "NBC News"],
    sup=["Sources", "a senior American official", "Somali officials"],
    nc=["George Little"],
    rel=["B", "F"], cred=[2],
    grade_note="Two named outlets relaying unnamed American and Somali sources (B for the outlets, F "
               "for the sources); several independent accounts agree that a raid took place, none on "
               "the record; the Pentagon spokesman declined to comment.",
    note="The al-Shabab spokesman confirms a raid but ascribes it to British and Turkish forces, and "
         "the Somali official speaks only to the target: neither is counted as supporting the "
         "SEAL raid. 'the paper' (used for both the Times and the Guardian) is not an alias."))

A("12-irandaily-defense-ministry-denies-port-cargo",
  "https://newspaper.irandaily.ir/7817/2/15021",
  "Iran Daily", "national_security",
  [S("General Reza Talaei-Nik", "interested_party", False,
     ["A spokesperson for Iran’s Defense Ministry", "the spokesman of Iran’s Defense Ministry",
      "The spokesperson"],
     role="spokesman", aff="Iran’s Defense Ministry",
     note="a state speaking about its own alleged acts (missile fuel at the port)"),
   S("Ambrey", "organisation", note="a private security firm; 'claimed', 'added'"),
   S("the Financial Times", "media", note="'first reported in January by the Financial Times'")],
  C("A spokesperson for Iran’s Defense Ministry on Sunday denied media reports that a deadly blast in a southern port in Hormozgan Province may have been linked to the mishandling of solid fuel used for missiles, stating that no military-grade material was present at the site",
    ["General Reza Talaei-Nik"], dis=["Ambrey"],
    rel=["D", "E"], cred=[4, 5],
    grade_note="Denial-led. The ministry denies its own alleged shipment (self-serving, at most D) and "
               "calls the reports enemy psychological operations; a named security firm says the port "
               "took in missile fuel in March.",
    note="The Financial Times reported the Chinese shipment to Iran, not the port blast, so it is not "
         "counted as disputing. 'told state TV' only received the words; the unspecified 'media "
         "reports' are not listed apart from Ambrey."))

# ---------------------------------------------------------------- politics (13-20)

A("13-nydailynews-de-blasio-memo-leak",
  "https://www.nydailynews.com/news/politics/mayor-suspects-political-hitjob-root-campaign-finance-probe-article-1.2613817",
  "New York Daily News", "domestic_politics",
  [S("Mayor de Blasio", "interested_party", False, ["De Blasio", "de Blasio"], role="Mayor",
     note="the subject of the memo speaking about his own conduct"),
   S("the State Board of Elections document", "document", False,
     ["a damning memo", "the letter", "her memo"],
     note="the memo 'alleging' violations is credited apart from its author (guide 1.9)"),
   S("Risa Sugarman", "official", False, ["Sugarman"], role="Chief Enforcement Officer",
     aff="State Board of Elections",
     note="'declined to respond to de Blasio's criticism', then denied leaking the memo"),
   S("Laurence Laufer", "interested_party", False, role="campaign lawyer",
     note="de Blasio's paid campaign lawyer")],
  C("Mayor de Blasio said Monday that the leak of a damning memo alleging he and his team violated campaign finance laws was nothing more than a dirty political hitjob",
    ["Mayor de Blasio"], sup=["Laurence Laufer"], nc=["Risa Sugarman"],
    rel=["D", "E"], cred=[4, 5, 6],
    grade_note="The subject of the investigation on its motives (self-serving, at most D), backed only "
               "by his own lawyer; he concedes he does not know what motivated the leak.",
    note="Sugarman declines to respond to the criticism and denies leaking it herself; she does not "
         "address whether the leak was political, so she is a non-confirmer, not a disputer. The Daily "
         "News is the outlet itself and is not listed; Cuomo only appointed Sugarman (an act)."))

A("14-bbc-speaker-martin-expenses-inquiry",
  "http://news.bbc.co.uk/2/hi/uk_news/politics/7325138.stm",
  "BBC News", "domestic_politics",
  [S("John Lyon", "official", False, ["John Lyon's office", "Mr Lyon"],
     role="Parliamentary Commissioner for Standards",
     note="his office's confirmation and his letter both confirm the inquiry: one source"),
   S("Mark Wallace", "interested_party", False, ["the Taxpayers' Alliance group", "Taxpayers' Alliance"],
     aff="Taxpayers' Alliance",
     note="the complaining campaign group and its spokesman make one statement (Martin should not "
          "chair the inquiry): one source, the person"),
   S("Mike Granatt", "interested_party", False, ["Mr Martin's aide"], role="aide",
     note="the Speaker's aide on the Speaker's wife's expenses"),
   S("the Mail on Sunday", "media", note="told Granatt the official was a housekeeper")],
  C("An investigation has begun into whether Commons Speaker Michael Martin has breached expenses rules",
    ["John Lyon"],
    rel=["A", "B"], cred=[1, 2],
    grade_note="Confirmed on the record by the investigating commissioner's office and in his letter "
               "to the complainants, who also say so.",
    note="'The BBC understands' is the outlet's own voice. Michael Martin is not quoted."))

A("15-abcau-slipper-spending-questions",
  "http://www.abc.net.au/news/2012-01-31/more-questions-over-slipper/3801684",
  "ABC News (Australia)", "domestic_politics",
  [S("Peter Slipper", "interested_party", False, ["Mr Slipper"], role="Speaker",
     note="speaking about his own entitlement claims"),
   S("The Department of Finance", "organisation", False, ["the department"],
     note="'has yet to confirm whether it has cleared Mr Slipper'"),
   S("Mark Furler", "media", False, ["Mr Furler"], role="editor", aff="Sunshine Coast Daily",
     note="a newspaper editor who lodged the complaint; media (interested party defensible)"),
   S("Documents released under Freedom of Information", "document")],
  C("Mr Slipper says the Department of Finance has cleared him of any misspending",
    ["Peter Slipper"], nc=["The Department of Finance"],
    rel=["D", "E"], cred=[4, 5],
    grade_note="A self-serving claim by the subject (at most D) that the department itself will not "
               "confirm; it is still to release the outcome of its inquiry.",
    note="The headline is a teaser; the claim the article puts forward and tests is Slipper's "
         "'cleared' claim (made in the second paragraph, restated in full later). Furler and the FOI documents speak to the spending, not to the clearance."))

A("16-thenews-pakistan-election-rigging",
  "https://www.thenews.com.pk/latest/346380-election-body-rejects-rigging-accusations",
  "The News International (Pakistan; wire report)", "domestic_politics",
  [S("Sardar Muhammad Raza", "interested_party", False,
     ["Pakistan´s top election official", "Chief Election Commissioner Sardar Muhammad Raza", "Raza",
      "The Election Commission of Pakistan", "ECP"],
     role="Chief Election Commissioner",
     note="the commission and its chief make one denial: one source; an agency defending its own "
          "conduct of the count"),
   S("the ECP´s secretary", "official", note="unique office holder, so not anonymous"),
   S("Pakistan Muslim League-Nawaz", "interested_party", False, ["PML-N"],
     note="the losing incumbent party alleging rigging"),
   S("Shahbaz Sharif", "interested_party", role="chief", aff="PML-N"),
   S("Pakistan Peoples Party", "interested_party"),
   S("other major parties", "interested_party", True,
     note="the unnamed rest after the named Pakistan Peoples Party")],
  C("Pakistan´s top election official batted away allegations of ballot-rigging Thursday, defending an ongoing delay in the formal vote count as a technical issue",
    ["Sardar Muhammad Raza"], sup=["the ECP´s secretary"],
    dis=["Pakistan Muslim League-Nawaz", "Shahbaz Sharif", "Pakistan Peoples Party",
         "other major parties"],
    rel=["D", "E"], cred=[3, 4],
    grade_note="Denial-led. The election body defends its own count (self-serving, at most D), backed "
               "by its own secretary; several parties, themselves interested, allege rigging.",
    note="The 'allegations of interference from the country´s powerful military' are unattributed."))

A("17-apa-malaysia-pm-denies-unity-talks",
  "https://en.apa.az/asia/xeber_malaysian_gov_t_denies_unity_talks_betwe_-197835",
  "APA (Azerbaijan; after Xinhua)", "domestic_politics",
  [S("Malaysian Prime Minister Najib Razak's office", "interested_party", False,
     ["The PM's office", "Najib's office"],
     note="the office of one of the two men said to be in talks"),
   S("a statement by the PM's office", "document", False, ["the statement"],
     note="'the statement said': the artefact is the subject of the credit (guide 1.9)"),
   S("Xinhua", "media", note="'APA reports quoting Xinhua'"),
   S("The local Star newspaper", "media", note="'quoted a statement by the PM's office'"),
   S("Several local news portals", "media", True, note="unnamed outlets that quoted Anwar"),
   S("Anwar Ibrahim", "interested_party", False, ["Anwar"], role="opposition leader"),
   S("The oppositions", "official", True, note="party collective ('have cried foul')")],
  C("Malaysian Prime Minister Najib Razak's office on Friday denied media reports that Najib and opposition leader Anwar Ibrahim were in talks to form a coalition government",
    ["Malaysian Prime Minister Najib Razak's office"], sup=["a statement by the PM's office"],
    dis=["Anwar Ibrahim"],
    rel=["D", "E"], cred=[3, 4],
    grade_note="Denial-led. A party to the alleged talks denies them (at most D); the other party, "
               "Anwar, says on the record that talks began.",
    note="The outlets that relayed the denial (Xinhua, the Star) or Anwar's words (local portals) "
         "neither support nor dispute: conduits. 'Jusuf had helped broker a deal' is nested in the "
         "office's statement."))

A("18-odt-greek-unity-government-report-denied",
  "http://odt.co.nz/news/world/181425/greek-pm-mulls-national-unity-government-report",
  "Otago Daily Times (after Reuters)", "domestic_politics",
  [S("Imerisia", "media", False, ["a Greek newspaper", "Financial daily Imerisia"],
     note="'said without citing sources'"),
   S("Ilias Mosialos", "interested_party", False, ["the Greek government", "The government"],
     role="government spokesman",
     note="the government and its spokesman make one denial: one source"),
   S("George Papandreou", "interested_party", False, ["Papandreou"],
     note="'told ... Samaras he would be willing to step down' in June"),
   S("An opinion poll published on Thursday", "document")],
  C("Greek Prime Minister George Papandreou may propose the formation of a coalition government of national unity to lead the country out of its debt crisis",
    ["Imerisia"], dis=["Ilias Mosialos"],
    rel=["C", "F"], cred=[4, 5],
    grade_note="A named newspaper citing no sources (C for the paper, F for unspecified sourcing), "
               "flatly denied on the record by the government spokesman.",
    note="Papandreou's June offer makes the report plausible but is not the same proposition, so he "
         "is not counted as a supporter. 'told Reuters' only received the words; Samaras 'declined "
         "the offer' (an act)."))

A("19-cnn-washington-post-stands-by-story",
  "http://www.cnn.com/2017/05/15/politics/washington-post-white-house-response-cnntv/index.html?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed%3A+rss%2Fcnn_latest+%28RSS%3A+CNN+-+Most+Recent%29",
  "CNN", "domestic_politics",
  [S("Greg Miller", "media", False,
     ["A Washington Post correspondent", "one of the reporters", "Miller"],
     role="correspondent", aff="Washington Post"),
   S("The Washington Post story", "media", False, ["his story"],
     note="the report is credited ('cited ... and said'); co-author Greg Jaffe is credited only "
          "with authorship and is not listed apart"),
   S("current and former US officials", "official", True, note="cited by the Post story"),
   S("H.R. McMaster", "interested_party", False, ["the White House"],
     role="National security adviser",
     note="the White House 'tried to declare it false' through McMaster: one source; speaks for the "
          "president whose conduct is reported")],
  C("President Donald Trump told Russian Foreign Minister Sergey Lavrov and Russian Ambassador to the US Sergey Kislyak about highly classified intelligence the US had received from an ally",
    ["The Washington Post story", "current and former US officials"], sup=["Greg Miller"],
    dis=["H.R. McMaster"],
    rel=["B", "F"], cred=[3, 4],
    grade_note="A named newspaper relaying unnamed officials (B for the paper, F for the sources); "
               "its reporter stands by it; the national security adviser, an interested party, calls "
               "the story 'as reported' false.",
    note="The lede is about the dispute; the proposition in dispute is the Post's report."))

A("20-daijiworld-antony-office-bugging-denied",
  "https://daijiworld.com/news/newsDisplay?newsID=130798",
  "Daijiworld (IANS)", "domestic_politics",
  [S("A.K. Antony", "interested_party", False, ["Antony"], role="Defence Minister",
     note="denies that his own office was bugged"),
   S("Sitanshu Kar", "interested_party", False, ["the government", "Kar"], role="spokesperson",
     aff="defence ministry",
     note="the government's denial is the spokesperson's official statement: one source"),
   S("the reports", "media", True, ["The report", "Reports"],
     note="the unnamed media reports being denied ('a section of the media'): anonymous, as a "
          "report whose provider is unnamed"),
   S("the army headquarters", "interested_party", False, ["The army"],
     note="the report pointed suspicion at the army"),
   S("the Bharatiya Janata Party", "official", note="opposition party; demands a clarification")],
  C("Defence Minister A.K. Antony Friday denied his office was bugged",
    ["A.K. Antony"], sup=["Sitanshu Kar", "the army headquarters"], dis=["the reports"],
    rel=["C", "D"], cred=[2, 3],
    grade_note="Denial-led. A minister on the record about his own office (interested, so at most "
               "D is defensible; C for a named minister giving checkable detail), backed by the "
               "ministry and the army, against unnamed media reports.",
    note="Two speakers denying the same allegation support each other. The BJP calls the reports "
         "serious but asserts nothing about the bug."))

# ---------------------------------------------------------------- business / tech (21-26)

A("21-nbcnews-saks-lord-taylor-data-breach",
  "https://www.nbcnews.com/news/amp/ncna861856",
  "NBC News", "business_tech",
  [S("Hudson’s Bay Company", "interested_party", False,
     ["The owner of Lord & Taylor and Saks", "The retail stores' parent company", "HBC",
      "The company"],
     note="the company speaking about a breach of its own systems"),
   S("the statement", "document",
     note="'“HBC has identified the issue ...,” the statement said' (guide 1.9); 'In a statement, "
          "Hudson’s Bay Company said' stays the company"),
   S("Gemini Advisory", "organisation", False, ["The cybersecurity firm", "the firm"]),
   S("Dmitry Chorine", "expert", False, ["Chorine"], role="chief technology officer",
     aff="Gemini",
     note="security firm's CTO speaking as a specialist on the breach and the hackers")],
  C("The owner of Lord & Taylor and Saks said Sunday that a data breach at its department stores compromised customer payment data",
    ["Hudson’s Bay Company"], sup=["the statement", "Gemini Advisory", "Dmitry Chorine"],
    rel=["A", "B"], cred=[1, 2],
    grade_note="An admission against the company's own interest (not capped), independently "
               "confirmed on the record by the security firm that found the stolen cards.",
    note="'An HBC spokeswoman could not immediately provide comment' is an absence of comment, not "
         "a refusal, and is not listed (the same rule as 'did not respond', 'was not available')."))

A("22-connectgujarat-broadcom-vmware-talks",
  "https://connectgujarat.com/business/chipmaker-broadcom-in-talks-to-acquire-vmware-1370851",
  "Connect Gujarat (wire report)", "business_tech",
  [S("people familiar with the matter", "other", True, ["the people"],
     reason="asked not to be identified because the matter isn't public"),
   S("A representative for VMware", "interested_party", True, aff="VMware",
     note="declined to comment; 'A representative for Broadcom wasn't available for comment' is "
          "an absence and not listed"),
   S("Hock Tan", "interested_party", False, ["Tan"], role="Chief Executive Officer",
     aff="Broadcom", note="told analysts in March Broadcom could make a 'good size' acquisition")],
  C("Broadcom Inc. is in talks to acquire cloud-computing company VMware Inc.",
    ["people familiar with the matter"], nc=["A representative for VMware"],
    rel=["F"], cred=[2, 3],
    grade_note="Only unnamed people familiar with the matter (F); the target declines to comment; "
               "the CEO's earlier appetite for a large deal makes it plausible, not confirmed."))

A("23-techpartner-mitel-polycom-merger-talks",
  "https://www.techpartner.news/news/mitel-polycom-in-merger-talks-417039",
  "TechPartner News (Reuters report)", "business_tech",
  [S("sources familiar with the matter", "other", True, ["The sources", "sources"],
     reason="did not want to be identified because the deal discussions are private"),
   S("Mitel Networks", "interested_party", False, ["Mitel"],
     note="split from 'Both companies declined to comment'"),
   S("Polycom", "interested_party",
     note="split from 'Both companies declined to comment'"),
   S("Elliott Management", "interested_party", False,
     ["Activist investor Elliott Management", "Elliott"],
     note="holds stakes in both; 'has been calling for' the merger, 'declined to comment'"),
   S("filings", "document")],
  C("Canada's Mitel Networks is in talks to merge with US peer Polycom",
    ["sources familiar with the matter"],
    nc=["Mitel Networks", "Polycom", "Elliott Management"],
    rel=["F"], cred=[2, 3],
    grade_note="Only unnamed sources (F); all three parties decline to comment; the activist "
               "investor's public campaign for the merger makes talks plausible.",
    note="Elliott's October call for a merger is not the same proposition as talks now under way."))

A("24-pctechmag-samsung-denies-jay-z-app-privacy",
  "https://pctechmag.com/2013/07/samsung-denies-privacy-claims-concerning-jay-z-app",
  "PC Tech Magazine (after BBC News)", "business_tech",
  [S("Samsung", "interested_party", note="a company about its own app"),
   S("the Electronic Privacy Information Centre", "organisation", False,
     ["Epic", "The privacy group", "US civil liberties group"],
     note="'claims', 'says', 'has asked the FTC': the complainant, credited as itself")],
  C("Samsung is denying claims that it has invaded the privacy of customers who downloaded the free Jay-Z app saying the complaint is baseless and it takes privacy seriously",
    ["Samsung"], dis=["the Electronic Privacy Information Centre"],
    rel=["D", "E"], cred=[3, 4],
    grade_note="Denial-led: a self-serving denial by the company (at most D), contested by a named "
               "civil liberties group's formal complaint to the FTC.",
    note="'Source: BBC' credits the republished report's origin (outlet metadata), not a source "
         "of a claim. The FTC is only addressed."))

A("25-techvisit-premom-data-chinese-firms",
  "http://techvisit.net/news/Fertility-Premom-App-reportedly-exchanged-consumer-data-with-Chinese-companies",
  "Techvisit (after The Washington Post)", "business_tech",
  [S("the Washington Post", "media", False, ["the Post"]),
   S("The International Digital Accountability Council", "organisation", False, ["IDAC"],
     note="a watchdog credited through its research and letters: stays the organisation"),
   S("Jiguang", "interested_party", note="'told the Post that it was 100 percent in line with Chinese law'"),
   S("Premom", "interested_party",
     note="'did not respond to our request' (an absence) but told the Post it revoked Jiguang's "
          "access and was not 'actually' using the other two services"),
   S("its Crunchbase profile", "document", note="Umeng's profile"),
   S("Jiguang 's profile", "document")],
  C("A fertility app that helps women track their cycles in hopes of becoming pregnant exchanged consumer data with a variety of Chinese firms",
    ["the Washington Post"], sup=["The International Digital Accountability Council"],
    rel=["B", "C"], cred=[1, 2],
    grade_note="A named newspaper's report resting on a named watchdog's research; the company's own "
               "revocation of one firm's access, confirmed by the watchdog, corroborates it.",
    note="Premom both concedes the Jiguang exchange (by revoking it) and denies 'actually' using the "
         "other two services: mixed, so counted neither way. Jiguang speaks to legality, not to the "
         "exchange."))

A("26-courthousenews-google-app-data-hearing",
  "https://www.courthousenews.com/google-denies-collecting-users-app-data-without-permission/",
  "Courthouse News Service", "business_tech",
  [S("Eduardo Santacana", "interested_party", False, ["Google", "Santacana"], role="attorney",
     aff="Google",
     note="'Google maintains' its position in court through its attorney: one source, the person"),
   S("Anibal Rodriguez", "interested_party", False,
     ["A proposed class of consumers", "Plaintiffs", "Lead plaintiff Anibal Rodriguez"],
     role="Lead plaintiff",
     note="the class and its named lead plaintiff make the same allegation: one source, not anonymous"),
   S("Amanda Bonn", "interested_party", False, ["plaintiffs’ lawyers"],
     role="plaintiffs’ attorney",
     note="the plaintiffs' lawyers' argument and Bonn's quote: one source, the named member"),
   S("Richard Seeborg", "official", False, ["Seeborg", "U.S. District Judge Richard Seeborg"],
     role="U.S. District Judge", note="'demanded more details' (a request) and is quoted")],
  C("Google maintains that it only collects pooled, anonymized data to help app developers understand how consumers use their apps",
    ["Eduardo Santacana"], dis=["Anibal Rodriguez", "Amanda Bonn"],
    rel=["D", "E"], cred=[3, 4],
    grade_note="Denial-led: the defendant's self-serving position (at most D), disputed by the "
               "plaintiffs; the judge's demand for specifics cuts against the plaintiffs, so the "
               "denial stays possibly true.",
    note="The judge asks the plaintiffs for more detail and asserts nothing on the merits: neither "
         "for nor against."))

# ---------------------------------------------------------------- other: crime, health, science (27-30)

A("27-papua-police-fire-on-demonstrators",
  "http://www.faithbasednetworkonwestpapua.org/news_release/police_fire_shots_at_demonstrators_in_papua",
  "Faith Based Network on West Papua (Associated Press text)", "crime",
  [S("officials", "official", True, note="split from 'officials and witnesses said'"),
   S("witnesses", "witness", True, note="split from 'officials and witnesses said'"),
   S("Nurhabri", "interested_party", False, ["police spokesman Nurhabri"],
     role="police spokesman", note="the police defending their own use of fire"),
   S("Ruben Nawipa", "interested_party", False, ["rally organizer Ruben Nawipa"],
     role="rally organizer"),
   S("Jerry", "witness", False, ["Hospital employee Jerry"], role="Hospital employee",
     note="saw the patients brought in")],
  C("Police opened fire on pro-independence protesters in Papua province, critically wounding four",
    ["officials", "witnesses"], sup=["Ruben Nawipa", "Jerry"], dis=["Nurhabri"],
    rel=["B", "C"], cred=[1, 2],
    grade_note="Unnamed officials and witnesses in the lede, confirmed on the record by a named "
               "hospital employee (independent) and the organiser; the police say only warning "
               "shots were fired, after an attack.",
    note="Nurhabri concedes shots but calls them warning shots fired in self-defence: a dispute of "
         "'opened fire on protesters', not an admission of it."))

A("28-hindustantimes-gurugram-hospital-negligence",
  "https://www.hindustantimes.com/gurugram/man-dies-in-private-hospital-family-alleges-medical-negligence/story-7YjDQMdCJkXuhh8mS0BQIJ.html",
  "Hindustan Times", "health",
  [S("Naveen Garg", "interested_party", False,
     ["The family of a 48-year-old man", "the family members", "The family"],
     role="family member",
     note="the family's complaint and its named member's account: one source, not anonymous; "
          "what 'doctors at the hospital told them' is nested in his account"),
   S("Kuldeep Kumar", "official", False, role="assistant sub-inspector",
     aff="Sadar police station"),
   S("Park Hospital", "interested_party", False, ["a spokesperson for the hospital"],
     note="the hospital and its unnamed spokesperson make one denial: one source, named by the "
          "institution")],
  C("The family of a 48-year-old man, who died in a private hospital on Sohna Road on Wednesday, has accused the hospital authorities of medical negligence",
    ["Naveen Garg"], dis=["Park Hospital"], nc=["Kuldeep Kumar"],
    rel=["D"], cred=[3, 4],
    grade_note="A grieving family's complaint (an interested party, at most D, though speaking of "
               "what it saw); the hospital denies it; the police say negligence is not confirmed "
               "pending a post mortem."))

A("29-redorbit-zimbabwe-cholera-cover-up",
  "http://www.redorbit.com/news/health/1602373/docs_say_zimbabwe_covering_up_cholera/",
  "RedOrbit (UPI)", "health",
  [S("doctors", "expert", True, ["The doctors", "Medics"],
     note="unnamed doctors; kind by profession (expert; witness is defensible, as they treat the "
          "victims)"),
   S("The Sunday Times of London", "media", False, ["The Times", "the newspaper"],
     note="relays the doctors, the WHO figure and Mangodza"),
   S("Zimbabwe", "interested_party", note="'Zimbabwe says 44 people have died'"),
   S("the World Health Organization", "organisation"),
   S("Doctors Without Borders", "organisation", False, ["the aid agency Doctors Without Borders"]),
   S("Barnabas Mangodza", "interested_party", role="executive director",
     aff="Harare Residents Association",
     note="speaks for the residents' association (advocacy)")],
  C("Zimbabwean President Robert Mugabe is trying to cover up the extent of a cholera epidemic in the country",
    ["doctors"], sup=["Barnabas Mangodza"],
    rel=["F", "B"], cred=[2, 3],
    grade_note="Unnamed doctors relayed by a named newspaper (F, or B for the paper); a named "
               "residents' leader says the same, and the WHO's toll (294 against the government's 44) "
               "shows the official figure understates the epidemic.",
    note="The WHO figure is evidence for understatement, not the same proposition as a cover-up, so "
         "it is not counted as support; Zimbabwe's own toll does not address the cover-up claim. "
         "'They say they are not permitted ...' has no resolvable speaker."))

A("30-baltimoresun-bush-officials-rebut-science-claims",
  "http://articles.baltimoresun.com/2004-04-03/news/0404030339_1_bush-administration-scientists-science",
  "The Baltimore Sun", "science",
  [S("Dr. John H. Marburger III", "interested_party", False, ["The White House", "Marburger"],
     role="science adviser",
     note="the White House rebuttal is Marburger's letter: one source; the administration "
          "answering accusations about its own conduct"),
   S("the Union of Concerned Scientists", "organisation", False, ["an advocacy group"],
     note="credited through its report ('released a 38-page report, which found')"),
   S("60 prominent scientists", "expert", True,
     note="split from 'an advocacy group and 60 prominent scientists'; endorsed the report"),
   S("Congress", "organisation", note="'had requested a White House response'"),
   S("scientists and experts not directly involved in the debate", "expert", True,
     note="one unnamed group of the same kind; not split"),
   S("Dr. Donald Kenn", "expert",
     note="name cut off by the excerpt; the cue 'said' is visible (hard call 7 of realnews)")],
  C("Dr. John H. Marburger III, science adviser to President Bush, said most of the accusations were false",
    ["Dr. John H. Marburger III"],
    dis=["the Union of Concerned Scientists", "60 prominent scientists",
         "scientists and experts not directly involved in the debate"],
    rel=["D", "E"], cred=[4, 5],
    grade_note="Denial-led: the administration's own science adviser rebuts charges about the "
               "administration (self-serving, at most D) and concedes errors in places; a named "
               "scientists' group and 60 prominent scientists stand by the charges, and outside "
               "experts call the matter not settled.",
    note="'not settled' is read as 'doubtful', a dispute of the rebuttal. Kennedy's cut-off quote "
         "only praises the thoroughness of the reply and is counted neither way."))

# ---------------------------------------------------------------- (end of articles)


def check():
    errors = []
    seen_ids = set()
    for a in ARTICLES:
        aid = a["id"]
        if aid in seen_ids:
            errors.append(f"{aid}: duplicate id")
        seen_ids.add(aid)
        path = os.path.join(HERE, "texts", aid + ".txt")
        if not os.path.exists(path):
            errors.append(f"{aid}: no text file")
            continue
        text = open(path, encoding="utf-8").read()
        if a["topic"] not in TOPICS:
            errors.append(f"{aid}: bad topic {a['topic']}")
        for au in a["authors"]:
            if au not in text:
                errors.append(f"{aid}: author {au!r} not in text")
        names = [s["name"] for s in a["sources"]]
        if len(set(names)) != len(names):
            errors.append(f"{aid}: repeated source name")
        for s in a["sources"]:
            if s["kind"] not in KINDS:
                errors.append(f"{aid}: {s['name']}: bad kind {s['kind']}")
            if not isinstance(s["anonymous"], bool):
                errors.append(f"{aid}: {s['name']}: anonymous not bool")
            for field in ("name", "anonymity_reason", "role", "affiliation"):
                v = s.get(field)
                if v is not None and v not in text:
                    errors.append(f"{aid}: {field} {v!r} not in text")
            for al in s["aliases"]:
                if al not in text:
                    errors.append(f"{aid}: alias {al!r} not in text")
            if s["anonymity_reason"] and not s["anonymous"]:
                errors.append(f"{aid}: {s['name']}: reason given but not anonymous")
            if s["anonymous"] and s["role"]:
                errors.append(f"{aid}: {s['name']}: anonymous source with a role")
            extra = set(s) - {"name", "aliases", "anonymous", "anonymity_reason", "kind", "role",
                              "affiliation", "note"}
            if extra:
                errors.append(f"{aid}: {s['name']}: unknown fields {extra}")
        c = a["central_claim"]
        if c["text"] not in text:
            errors.append(f"{aid}: claim text not in text")
        for k in ("sources", "supported_by", "disputed_by", "not_confirmed_by"):
            for n in c[k]:
                if n not in names:
                    errors.append(f"{aid}: {k} name {n!r} is not a source")
            if len(set(c[k])) != len(c[k]):
                errors.append(f"{aid}: {k} repeats a name")
        if set(c["supported_by"]) & set(c["disputed_by"]):
            errors.append(f"{aid}: a source both supports and disputes")
        if set(c["sources"]) & (set(c["disputed_by"]) | set(c["not_confirmed_by"])
                                | set(c["supported_by"])):
            errors.append(f"{aid}: a claim source also supports/disputes/declines its own claim")
        g = c["grade_ok"]
        if not g["reliability"] or not set(g["reliability"]) <= set("ABCDEF"):
            errors.append(f"{aid}: bad reliability {g['reliability']}")
        if not g["credibility"] or not set(g["credibility"]) <= {1, 2, 3, 4, 5, 6}:
            errors.append(f"{aid}: bad credibility {g['credibility']}")
        if not c["grade_note"]:
            errors.append(f"{aid}: no grade note")
    return errors


def main(argv):
    errors = check()
    for e in errors:
        print("ERROR", e)
    n_src = sum(len(a["sources"]) for a in ARTICLES)
    n_anon = sum(s["anonymous"] for a in ARTICLES for s in a["sources"])
    print(f"{len(ARTICLES)} articles, {n_src} sources, {n_anon} anonymous, {len(errors)} errors")
    if errors:
        sys.exit(1)
    if "--check" in argv:
        return
    with open(os.path.join(HERE, "pages.jsonl"), "w", encoding="utf-8") as f:
        for a in ARTICLES:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "pages_in.jsonl"), "w", encoding="utf-8") as f:
        for a in ARTICLES:
            text = open(os.path.join(HERE, "texts", a["id"] + ".txt"), encoding="utf-8").read()
            f.write(json.dumps({"id": a["id"], "text": text}, ensure_ascii=False) + "\n")
    print("wrote pages.jsonl, pages_in.jsonl")


if __name__ == "__main__":
    main(sys.argv[1:])
