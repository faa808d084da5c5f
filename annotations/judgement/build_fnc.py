#!/usr/bin/env python3
"""Write annotations/judgement/fnc.jsonl: the editor's reading (judgement guide, sections 4-5) of
the first 45 FNC-1 train bodies of the sources annotation (all of sources/fnc0.jsonl, then the
first 15 of sources/fnc1.jsonl), in the realnews gold format.

usage: python3 annotations/judgement/build_fnc.py      (then check.py validates the result)

The sources are copied from annotations/sources/fncN.jsonl (realnews source fields; `attrs` and
`excluded` dropped; a source corrected here says so in its note). The central claims are below,
article by article: text (an exact substring), the names of its sources, supporters, disputers
and non-confirmers, the Admiralty grades an editor would accept, and why.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ANN = os.path.dirname(HERE)
N_ARTICLES = 45
FIELDS = ("name", "aliases", "anonymous", "anonymity_reason", "kind", "role", "affiliation")


def C(id, topic, text, sources, sup, dis, nc, rel, cred, why, note=None, outlet=None,
      authors=(), fixes=None):
    claim = {"text": text, "sources": list(sources), "supported_by": list(sup),
             "disputed_by": list(dis), "not_confirmed_by": list(nc),
             "grade_ok": {"reliability": list(rel), "credibility": list(cred)},
             "grade_note": why}
    if note:
        claim["note"] = note
    return {"id": id, "topic": topic, "outlet": outlet, "authors": list(authors),
            "central_claim": claim, "fixes": fixes or {}}


NS, POL, BUS, OTH = "national_security", "politics", "business", "other"

CLAIMS = [
    # ---- sources/fnc0.jsonl ------------------------------------------------------------------
    C("fnc1-body-2197", NS,
      "Islamic State brutes fed a distraught woman searching for her kidnapped son some meat and "
      "rice – and then told her she had just eaten her son",
      ["Yasir Abdulla", "The Sun"], [], [], [], "CD", [3, 4, 6],
      "One named volunteer fighting IS, retelling second-hand what happened to a woman 'from a "
      "nearby tribe', relayed by a tabloid with nothing to corroborate it: credibility possibly "
      "true at best.",
      note="The Sun is credited with reporting Abdulla's account ('The Sun reported'), so it is "
           "listed with him as a source of the claim (guide 1.5); a relaying outlet is never a "
           "supporter of what it relays."),
    C("fnc1-body-1338", OTH,
      "On February 19, in the province of Mantua, have in fact captured a huge torpedo from the "
      "weight of 127 kg and a length of 267 centimeters",
      [], ["Dino Ferrari"], [], [], "CD", [2, 3],
      "Asserted in the outlet's own voice, backed by the fisherman's first-hand account of the "
      "40-minute fight; the record claim is his own, uncorroborated by Guinness in the text.",
      note="The claim's subject ('Dino Ferrari and the twin brother Dario') is in the preceding "
           "sentence; the text is the sentence that states the catch."),
    C("fnc1-body-616", NS,
      "the London rapper is the major suspect in the beheading of James Foley",
      ["senior western intelligence officials", "Fox News"], [], [], [], "BCF", [2, 3],
      "Unnamed intelligence officials relayed by a named outlet (Fox News): F for the unnamed "
      "officials or the outlet's standing; the other outlets cited only add context on the voice "
      "recognition, not the identification.",
      note="The Telegraph, the Sydney Morning Herald and The Israel Times are credited with the "
           "voice-recognition and song details, not with naming Bary as the suspect: not supporters."),
    C("fnc1-body-1923", OTH,
      "Perth scientists have cast doubt over claims that a spider burrowed into a man's body "
      "during his first trip to Bali",
      ["Perth scientists"], ["Dr Volker Framenau", "Dr Mark Harvey"], ["Dylan Thomas"], [],
      "AB", [2, 3],
      "Two named specialists (an arachnologist and a museum expert) independently say a "
      "burrowing spider is 'almost impossible'; only the man himself says otherwise, and neither "
      "expert saw the creature.",
      note="The lede leads with the doubt, so the doubt is the central claim (guide 4, "
           "denial-led articles); Thomas's account that 'he had a spider crawl underneath his "
           "skin' disputes it. 'Has been contacted for comment' with no answer is not counted.",
      outlet="WA Today"),
    C("fnc1-body-2188", BUS,
      "the stainless steel Apple Watch variant will start at $500 while gold models could cost "
      "$4,000 and up",
      ["The iGen blog", "sources", "MacRumors"], [], [], [], "BCF", [3],
      "A French blog with a stated track record, relaying unnamed sources, spotted by MacRumors: "
      "F for the unnamed sources or the blog's standing; an unconfirmed price leak, possibly true.",
      note="The writer's own 'certainly believable to me' is the outlet's voice, not a supporter; "
           "Apple is credited only with announcing three editions, not with the prices."),
    C("fnc1-body-2477", NS,
      "Kim Yo Jong, the seventh and youngest of Kim Jong Il's children with four women, has risen "
      "rapidly within the regime and may be secretly running the Hermit Kingdom",
      ["Analysts", "Korea watchers"], ["Michael Madden"], [], [], "CF", [3, 4],
      "A theory of unnamed analysts and 'Korea watchers'; the one named supporter (Madden) says "
      "only she may be the 'sole gatekeeper', and Cha's comment is conditional ('If in fact').",
      note="Victor Cha ('If in fact she is running the country') neither supports nor disputes; "
           "Breuker's 'We're not sure where he is' concerns Kim's whereabouts, not his sister."),
    C("fnc1-body-1563", BUS,
      "he did not make $72 million from trading stocks",
      ["Mohammed Islam"], [], ["the New Yorker"], [], "CD", [2, 3],
      "The subject's own denial, partly against his interest (he says he made far less); the New "
      "Yorker, which claimed $72 million, now calls the figure a rumour, which makes the denial "
      "probably true.",
      note="Denial-led (guide 4): the central claim is Islam's denial; the New Yorker, credited "
           "with the $72 million claim and with 'worth eight figures', disputes it."),
    C("fnc1-body-1744", NS,
      "A disturbing video posted online appears to show the beheading of American journalist "
      "James Foley",
      ["A disturbing video posted online"], [], ["Charles Sennott"], ["Caitlin Hayden"],
      "DF", [3, 4],
      "An ISIS propaganda video whose authenticity is unverified: the White House says it is "
      "still being checked and Foley's employer says there is 'no reliable proof' it is "
      "authentic.",
      note="Sennott's 'no reliable proof that this execution is authentic' is 'unproven' (guide "
           "4): a dispute; Hayden's 'working ... to determine its authenticity' declines to "
           "validate. Ayotte's 'If confirmed' only conditions her own comment: not counted."),
    C("fnc1-body-343", POL,
      "Saudi TV has been showing the total arrival ceremony at the airport and at the Palace and "
      "nowhere is anything blurred",
      ["Nail al-Jubeir", "Saudi officials"], ["Hala Gorani"],
      ["Several videos posted on Saudis' Facebook pages", "The Arab news service Mashahead"], [],
      "DE", [2, 3],
      "A denial by the state accused of the blurring (capped at D), but backed by an independent "
      "eyewitness account relayed by CNN's Gorani; the contrary videos come from unnamed posters "
      "and an unverified YouTube upload.",
      note="The lede ends 'Saudi officials deny the claim': denial-led (guide 4), so the denial is "
           "central, and the blurred videos dispute it. Al Jazeera showing the meeting unblurred "
           "concerns its own broadcast, not Saudi TV: not counted.",
      authors=["Josh Rogin"]),
    C("fnc1-body-1330", NS,
      "A Canadian-Israeli woman who joined Kurdish fighters battling Islamic State militants "
      "earlier this month has been kidnapped by the group",
      ["Israeli media", "The Jerusalem Post", "ynetnews.com"],
      ["Haaretz.com", "the pro-Islamic State blog Samoach al-Islam"], [], [], "BCF", [3, 6],
      "Named Israeli outlets relaying claims that 'began surfacing on jihadi and Palestinian "
      "social media', traced to an ISIS media arm; nothing independent confirms the capture.",
      note="Her friends' 'Hope this is wrong' / 'I hope this isn't true' express hope, not a "
           "dispute or a refusal: not counted."),
    C("fnc1-body-2497", BUS,
      "Apple has completely redesigned the MacBook Air, ditching the full-sized USB port, MagSafe "
      "connector, and SD card slots for something entirely different",
      ["early reports", "Mark Gurman"], [], [], [], "BC", [3],
      "A named tech reporter with a record on Apple leaks, his sources unstated; the article itself "
      "calls it 'just speculation at this point'.",
      note="'Apple has yet to announce a new MacBook Air officially' is the outlet's own remark, "
           "not a refusal credited to Apple."),
    C("fnc1-body-1028", OTH,
      "A fisherman has caught a giant 8ft 9in long catfish weighing 19 stone",
      [], [], [], [], "F", [3, 6],
      "Asserted in the outlet's own voice with no source for the catch (The Mirror is credited "
      "only with the heavier record), beyond a photograph.",
      note="The Mirror's heavier 22st fish qualifies the 'biggest ever' part the outlet itself "
           "already concedes; it does not dispute the catch."),
    C("fnc1-body-355", OTH,
      "that's what happened Thursday to one Ann Arbor driver who delivered a single pizza to a "
      "conference room full of more than 200 realtors from Michigan and northern Ohio on Thursday",
      [], ["Brian LeFevre", "A video posted on YouTube", "Stacey McVey"], [], [], "AB", [1, 2],
      "The $2,000 tip is confirmed on the record by the driver's manager, by the company that gave "
      "it and by a video of the presentation.",
      note="'That' is the $2,000 tip of the previous sentence ('It's not every night that a pizza "
           "delivery driver receives a $2,000 tip').",
      authors=["Katrease Stafford"]),
    C("fnc1-body-721", OTH,
      "audio allegedly recorded in the Canfield apartment complex at the exact time of Michael "
      "Brown’s death on Aug. 9",
      ["the Ferguson resident", "Lopa Blumenthal"], [], [], ["Don Lemon"], "DF", [3, 6],
      "The recording's origin rests on an unnamed resident and his attorney; CNN, which released "
      "it, says it 'cannot independently verify the authenticity of this tape'.",
      note="Lemon released the audio but is not its source: his caution is a non-confirmation "
           "(realnews hard call 2: a source never declines to confirm its own claim). The "
           "attorneys Chestnut and Jones discuss what the pause means, not whether the audio is "
           "from the shooting."),
    C("fnc1-body-2039", BUS,
      "Apple is set to launch a 12-inch MacBook Air",
      ["the latest report from Mark Gurman of 9to5Mac", "Mark Gurman"], [], [], [], "BC", [2, 3],
      "A named tech reporter's report, which the article says 'confirmed' the long-rumoured "
      "laptop; Apple has announced nothing and Gurman's own sources are unstated.",
      note="'Apple is yet to make an official announcement' is the outlet's remark, not a refusal "
           "credited to Apple."),
    C("fnc1-body-1063", BUS,
      "Apple is planning to release its slimmest MacBook yet, boasting a single USB port and "
      "12-inch display",
      ["Rumours site 9to5Mac", "sources within the company"], [], [], [], "BCF", [3],
      "A named rumours site relaying unnamed company insiders: F for the insiders or the site's "
      "standing; unconfirmed, possibly true."),
    C("fnc1-body-1679", NS,
      "A video allegedly showing the beheading of American photojournalist James Wright Foley, "
      "who has been missing in Syria for 636 days, by the terror organisation the Islamic State "
      "of Iraq and Syria (ISIS), was released today",
      ["A video allegedly showing the beheading of American photojournalist James Wright Foley",
       "the Islamic State of Iraq and Syria"], [], [], [], "DF", [3, 6],
      "The video is the killers' own propaganda and 'has not been verified yet' (the outlet's "
      "words); nobody independent confirms it in the text.",
      note="The non-verification is in the outlet's own voice, so no non-confirmer is listed. "
           "ISIS reporting its own act is not capped at D, but its reliability cannot be judged."),
    C("fnc1-body-618", OTH,
      "An animal charity is attempting to trace the owner of a dog that was abandoned at a "
      "railway station with its belongings in a suitcase",
      ["The Scottish SPCA"], ["Inspector Stewart Taylor"], [], [], "AB", [2, 3],
      "A named animal-welfare charity and its named inspector describe the case they are "
      "handling; no independent confirmation, but nothing to doubt it."),
    C("fnc1-body-554", NS,
      "North Korea dictator Kim Jong-un has undergone a hospital operation after he fractured both "
      "ankles",
      [], ["One source in South Korea’s Seoul"], [], [], "F", [3, 6],
      "Asserted in the outlet's voice with only unnamed sources behind it (one Seoul source on "
      "visits to the ward); state TV showed a limp but not the operation.",
      note="The Seoul government official's doubt that gout alone kept Kim away and state TV's "
           "'he was ill' are compatible with the claim but do not assert it: not counted."),
    C("fnc1-body-1109", OTH,
      "The first group of mass graves excavated on the outskirts of a town in Mexico’s Guerrero "
      "state does not contain the bodies of any of the 43 students who went missing last month",
      ["Attorney General Jesus Murillo Karam"], ["State governor Angel Aguirre"], [], [],
      "AB", [2],
      "The attorney general reporting DNA test results, on the record; the governor's remark "
      "that the bodies may be earlier gang victims, buried 'months ago', points the same way.",
      note="Aguirre's 'could have been earlier victims' is hedged but asserts the same direction: "
           "a supporter."),
    C("fnc1-body-1137", OTH,
      "This story was a hoax written by a site which appeared to be the English-language website "
      "of the Chinese state-run broadcaster, CCTV",
      [], ["an internet directory search"], [], [], "BC", [1, 2],
      "The outlet's own correction, against its interest, backed by checkable evidence (the fake "
      "URL, the directory search placing the site in Hangzhou).",
      note="The update at the top is the lede a reader now sees, so the hoax finding is central, "
           "not the name tips the body still reports."),
    C("fnc1-body-2504", OTH,
      "Seven girls aged between 13 and 14 have fallen pregnant after going on a school trip in "
      "Bosnia",
      [], [], [], [], "F", [3, 6],
      "Asserted in the outlet's own voice with no source for the pregnancies; the quoted "
      "gynaecologist and official speak about teenage sex generally.",
      note="The furious parents' demand and Babici's 'didn't blame the teachers for the school "
           "trip pregnancy boom' take the pregnancies for granted in the outlet's framing; neither "
           "is credited with asserting them: not counted."),
    C("fnc1-body-696", OTH,
      "@FoxNewsPress, the Twitter account claiming to be that of the Fox News public relations "
      "team, went live. One big problem: It’s a fake",
      [], ["Fox News"], ["@FoxNewsPress"], [], "AB", [1, 2],
      "The company the account impersonates confirmed on the record that it is a fake; only the "
      "anonymous account itself claims to be Fox News's team.",
      note="The account's own tweets ('The team at @FoxNews have set up this account') assert it "
           "is genuine: the accused party disputes the claim.",
      outlet="Mediaite", authors=["Tina Nguyen"]),
    C("fnc1-body-247", OTH,
      "While she was given a male name she is actually intersex",
      ["Taylor Lianne Chandler"], [], [], [], "CD", [3, 6],
      "The whole profile rests on Chandler's own Facebook posts and claims about herself, with "
      "nothing independent in the text.",
      note="The first line ('believed to be dating ... Phelps') is a caption-like standfirst; the "
           "story's proposition is her revelation that she was born intersex."),
    C("fnc1-body-729", OTH,
      "Christian Bale will not be Steve Jobs after all",
      ["Sources"], [], [], [], "BCF", [2, 3],
      "Only unnamed sources, relayed by a named trade paper (The Hollywood Reporter) with good "
      "standing on casting news: F or the outlet's B/C.",
      note="Sorkin's October statement that Bale was playing Jobs predates the news and is "
           "reported as superseded, not as a dispute.",
      outlet="The Hollywood Reporter"),
    C("fnc1-body-1472", NS,
      "Kevin Vickers, sergeant-at-arms of the House of Commons, is being hailed as a hero after "
      "reportedly shooting and killing a gunman inside Parliament on Wednesday",
      [], ["politicians", "journalists", "the public"], [], [], "CF", [2, 3],
      "The shooting itself is 'reportedly', with no source named; unnamed politicians, journalists "
      "and the public praising him 'for saving lives' take it as fact.",
      note="Vickers is credited only with telling CBC he is safe, not with the shooting."),
    C("fnc1-body-1020", OTH,
      "instead of buying alcohol he purchased food that he gave away to others in need",
      ["A viral online video", "YouTube prankster Josh Paler Lin"], ["Thomas"], [], [],
      "DE", [3],
      "The account comes from the video and its maker, who has a stake (views, a fund that raised "
      "$55,000), and from its subject; nothing independent checks the staging.",
      note="Josh Paler Lin made the video and is credited with its story, so he is a source with "
           "it, not a supporter."),
    C("fnc1-body-2106", OTH,
      "the magazine's new headquarters at One World Trade Center, which has reportedly been "
      "overrun with an infestation of rats",
      ["reports", "the New York Daily News", "a source"], ["Graydon Carter", "Anna Wintour"],
      [], [], "BCF", [2, 3],
      "A named paper relaying an unnamed source, with a Conde Nast editor's quip ('They're rats') "
      "and Wintour's edict about the creatures as admissions from inside the building.",
      note="Carter 'laughed off the problem' but his answer concedes the rats; Wintour's edict "
           "that her office 'must be clear of the disease-carrying creatures' presupposes them: "
           "both supporters."),
    C("fnc1-body-2045", BUS,
      "Amazon plans to open its first physical store, and that it will be located in midtown "
      "Manhattan",
      ["The Wall Street Journal"], ["Amazon"], [], [], "AB", [1, 2],
      "The Wall Street Journal's report, with Amazon itself telling the Journal the store is "
      "'just an experiment', which confirms the plan while playing it down.",
      note="Amazon's 'just an experiment' qualifies the plan but does not deny it: a supporter."),
    C("fnc1-body-2321", OTH,
      "Elon University has dropped the term “freshman” from its vocabulary and replaced it with "
      "“first-year,” a move made official this fall",
      [], ["campus officials", "Leigh-Anne Royster", "Greg Zaiser", "administrators",
           "Alaina Schukraft"], [], [], "AB", [1, 2],
      "A university reporting its own act, on the record through two named officials, and an "
      "orientation leader who saw the new rule enforced.",
      note="University officials defending the change are interested parties, but a party "
           "reporting its own act is not capped (guide 5).",
      outlet="The College Fix", authors=["Diana Stancy"]),
    # ---- sources/fnc1.jsonl (first 15) ------------------------------------------------------
    C("fnc1-body-170", NS,
      "radical Islamist groups in Libya have reportedly seized nearly a dozen commercial airliners "
      "in the last month",
      ["Reports", "Washington Free Beacon"], ["one official"], [],
      ["senior State Department counterterrorism official", "Another State Department"],
      "CF", [3, 6],
      "Unnamed officials relayed by the Free Beacon; the one quoted official says only that "
      "airliners are 'missing', and two State Department officials refuse to comment or "
      "confirm.",
      note="'Refused to comment' and 'We can't confirm that' are non-confirmations (guide 4).",
      outlet="Fox News"),
    C("fnc1-body-600", NS,
      "Nigeria on Friday claimed to have reached a deal with Boko Haram militants on a ceasefire "
      "and the release of more than 200 kidnapped schoolgirls",
      ["Nigeria"],
      ["Chief of Defence Staff Air Marshal Alex Badeh", "Hassan Tukur",
       "security sources in the country"],
      ["Multiple analysts", "Shehu Sani", "many observers", "Ralph Bello-Fadile"], ["Ndjamena"],
      "DE", [4, 5],
      "A government claim with a stated political stake (Jonathan's re-election), doubted by a "
      "named Boko Haram expert and analysts, after a record of failed ceasefire claims.",
      note="Bello-Fadile's 'nobody has come forward who speaks for Shekau' predates the deal but "
           "is cited against it: a dispute. Shekau's old refusals of talks and Ahmadu's silence on "
           "a truce are reported as discrepancies, not as statements about this deal: not counted.",
      outlet="AFP"),
    C("fnc1-body-61", NS,
      "NORTH Korean leader Kim Jong Un is in firm control of his government but has hurt his leg",
      ["a source with access to North Korea’s leadership"],
      ["a United States official following North Korea"],
      ["Some Pyongyang watchers", "North Korean officials"], [], "F", [2, 3],
      "One anonymous source with 'close ties to Pyongyang'; an unnamed U.S. official backs the "
      "firm-control half, while unnamed watchers suggest a power struggle.",
      note="North Korean officials' denial that the absence is health-related contradicts the "
           "leg injury half; the watchers' power-struggle scenario contradicts the control half: "
           "both disputers of a two-part claim."),
    C("fnc1-body-48", OTH,
      "Banksy, was arrested early this morning by London’s Metropolitan Police",
      ["reports", "London Police Chief Lyndon Edwards", "A video"], [],
      ["Banksy’s PR agent Jo Brooks"], [], "EF", [4, 5],
      "The arrest rests on unnamed 'reports' quoting a police chief the article cannot tie to any "
      "real press conference; Banksy's named PR agent confirmed it was a hoax.",
      note="The lede reports the rumour, not a denial, so the arrest is the central claim and the "
           "debunking is a dispute; the outlet's own hoax verdict is its voice, not a source."),
    C("fnc1-body-1918", POL,
      "Rumors about the death of Fidel Castro — an age-old ritual for Cuba-watchers — once again "
      "began circulating on and off the island this week",
      ["Twitter"], ["an Argentine Web site"], [], ["The Cuban government"], "F", [4, 6],
      "Graded for what the rumours say (Castro has died): only social-media speculation and an "
      "anonymous website whose report 'turned out to be false'; Havana says nothing either way.",
      note="The claim is the rumour of Castro's death the lede puts forward. 'The Cuban government "
           "hasn't spoken one way or the other' is a refusal to confirm or deny."),
    C("fnc1-body-2227", OTH,
      "Jess Smith, a university student from Edenbridge, Kent, (and not Jessica Smith, from "
      "Laguna Beach) has spoken out for the first time about being the one whose 9-month-old face "
      "was seen by millions through the years",
      ["Jess Smith", "London's Telegraph"], ["Anji Smith"], [], [], "CD", [2, 3],
      "Her own claim to fame, relayed by the Telegraph, backed only by her mother's account of "
      "the filming and the selection letter (a relative, not independent).",
      note="The relaying Telegraph is credited with reporting ('According to London's Telegraph'), "
           "so it is a source of the claim (guide 1.5)."),
    C("fnc1-body-939", NS,
      "The “Jihadi John” killer who has featured in several Islamic State beheading videos is "
      "Mohammed Emwazi, a Briton from a middle-class family who grew up in London",
      ["the BBC", "the Washington Post"], [], [],
      ["Commander Richard Walton", "University of Westminster"], "AB", [2, 3],
      "Two named, reputable outlets report it independently; the Metropolitan Police will 'not "
      "confirm the identity of anyone at this stage'.",
      note="'No comment was immediately available from the University of Westminster' is counted "
           "as a non-response on the identity (it is his university)."),
    C("fnc1-body-526", OTH,
      "Father John Micheal O’neal claims he went to heaven and met God, which he describes as a "
      "warm and comforting motherly figure",
      ["Father John Micheal O’neal"], [],
      ["The Archbishop of Boston, Cardinal Sean P. O’Malley"], [], "DEF", [5, 6],
      "An unverifiable first-hand claim, disputed by the named Archbishop ('hallucinations'), in "
      "a story the text says first appeared in World News Daily Report.",
      note="The archdiocese 'has not confirmed' whether he may preach again: not about the central "
           "claim, so not counted.",
      outlet="World News Daily Report"),
    C("fnc1-body-438", OTH,
      "Police are hunting a middle-aged man who is slapping high street shoppers if they sneeze",
      ["Sgt Gill Cherry of Cumbria Police"], ["witnesses"], [], [], "AB", [2, 3],
      "The police on the record, describing two reported incidents they treat as linked; the "
      "first victim has not been traced.",
      note="The shoppers only react to the news: not counted."),
    C("fnc1-body-1670", BUS,
      "their planned opening is going head as expected thanks to the fact that they saved up tons "
      "of snow from last year which they have now put back on the slopes",
      ["Resort managers in Saalbach-Hinterglemm"], ["A spokesman for the resort"], [], [],
      "DF", [2, 3],
      "Unnamed managers and an unnamed spokesman promoting their own resort: F for the anonymity "
      "or D for the self-interest; the snow store is a checkable, plausible act.",
      note="'going head' is the text's typo for 'going ahead', kept verbatim."),
    C("fnc1-body-2408", NS,
      "Iraqi pilots who have joined Islamic State in Syria are training members of the group to "
      "fly in three captured fighter jets",
      ["Rami Abdulrahman"], ["witnesses in northern Aleppo province"], [],
      ["U.S. Central Command spokesman Colonel Patrick Ryder", "General Lloyd Austin",
       "state media"], "BC", [3],
      "A named monitoring group with a long record on Syria, citing unnamed witnesses; U.S. "
      "Central Command cannot confirm it and Reuters could not verify it.",
      note="Ryder's 'We're not aware of ISIL conducting any flight operations' is read as a "
           "non-confirmation, not a denial; Austin 'cannot confirm'; state media 'did not "
           "mention the report'. The analysts and diplomats on other, unusable jets are not "
           "counted.",
      outlet="Reuters", authors=["Sylvia Westall"]),
    C("fnc1-body-1258", OTH,
      "TV gardener Alan Titchmarsh was surprised to find psychedelic mushrooms which cause vivid "
      "hallucinations growing in the garden at Buckingham Palace",
      [], ["a Palace spokesman", "ecology expert Professor Mick Crawley"], [], [], "BC", [1, 2],
      "The Palace confirms 'a small number of naturally occurring fly agaric mushrooms' in its "
      "garden and a named ecologist confirms they are hallucinogenic.",
      note="Titchmarsh is credited only with 'I won't be eating any of that': the finding itself "
           "is the outlet's report of the programme."),
    C("fnc1-body-1888", OTH,
      "The island in Lake Mälaren, Sweden, was one of the homes shared by the 14-time major "
      "winner and his ex-wife, Elin Nordegren, before their six-year marriage fell apart in 2010",
      [], ["Sabine Rollinger of Vladi Private Islands"], [], [], "D", [2, 3],
      "The only source is the agent selling the island, for whom the Tiger Woods link is a "
      "selling point (capped at D); nothing else in the text confirms the ownership."),
    C("fnc1-body-1926", OTH,
      "he had lost contact with the control room and was trying to call them with his cellphone",
      ["NBC News anchor Brian Williams"], ["a network spokesman", "Mike Seidel"],
      ["those who speculated", "the fake Brian Williams account"], [], "D", [2, 3],
      "NBC defending its own meteorologist (capped at D); the explanation fits the footage and "
      "is disputed only by anonymous speculation and a parody account.",
      note="The lede reports Williams's rebuttal of a rumour: denial-led (guide 4), so the "
           "explanation is central and the speculators dispute it."),
    C("fnc1-body-494", OTH,
      "A woman who claims to be the girlfriend of swimming superstar Michael Phelps has revealed "
      "she was born a boy",
      ["Taylor Lianne Chandler", "Mail Online"], [], [], [], "CD", [3, 6],
      "Her own statements about herself on Facebook, relayed by Mail Online; nothing independent "
      "in the text.",
      note="USA Swimming and the police are credited with Phelps's suspension and arrest, which "
           "are background to the claim."),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    rows = load(os.path.join(ANN, "sources", "fnc0.jsonl")) + \
        load(os.path.join(ANN, "sources", "fnc1.jsonl"))
    rows = rows[:N_ARTICLES]
    claims = {c["id"]: c for c in CLAIMS}
    out = []
    for r in rows:
        c = claims.get(r["id"])
        if c is None:
            continue
        sources = []
        for s in r["sources"]:
            d = {k: s.get(k) for k in FIELDS}
            d["aliases"] = list(d["aliases"] or [])
            fix = c["fixes"].get(s["name"])
            if fix:
                d.update(fix)
            if d.get("note") is None and s.get("note"):
                d["note"] = s["note"]
            if d.get("note") is None:
                d.pop("note", None)
            sources.append(d)
        out.append({"id": r["id"], "url": None, "outlet": c["outlet"], "topic": c["topic"],
                    "authors": c["authors"], "sources": sources,
                    "central_claim": c["central_claim"]})
    with open(os.path.join(HERE, "fnc.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles written to fnc.jsonl")


if __name__ == "__main__":
    main()
