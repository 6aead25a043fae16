<?xml version="1.0" encoding="UTF-8"?>
<!--
  Vorleser: the bundled pronunciation lexicon (W3C PLS 1.0) for German news.
  English loanwords, foreign names and brands as a German newsreader says them.

  One <lexeme> per pronunciation: one or more <grapheme> (written forms that
  sound the same), then a <phoneme> in eSpeak NG phoneme code (alphabet
  x-espeak) and/or an <alias> (a respelling, also used by gTTS).
  Inflected forms that sound different (Meeting, Meetings) get their own lexeme.
  Try an entry with: vorleser aussprache "Das Meeting beginnt."
  Your own entries override these: vorleser build with the option lexicon (see README).
-->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-espeak" xml:lang="de">
  <!-- Englische Lehnwörter -->
  <lexeme><grapheme>Meeting</grapheme><phoneme>m'i:tIN</phoneme></lexeme>
  <lexeme><grapheme>Meetings</grapheme><phoneme>m'i:tINs</phoneme></lexeme>
  <lexeme><grapheme>Homeoffice</grapheme><grapheme>Home-Office</grapheme><grapheme>Home Office</grapheme><phoneme>h'oUm,OfIs</phoneme></lexeme>
  <lexeme><grapheme>Start-up</grapheme><grapheme>Startup</grapheme><grapheme>Start-Up</grapheme><phoneme>st'A:rt,ap</phoneme></lexeme>
  <lexeme><grapheme>Start-ups</grapheme><grapheme>Startups</grapheme><grapheme>Start-Ups</grapheme><phoneme>st'A:rt,aps</phoneme></lexeme>
  <lexeme><grapheme>Smartphone</grapheme><phoneme>sm'A:rtf,oUn</phoneme></lexeme>
  <lexeme><grapheme>Smartphones</grapheme><phoneme>sm'A:rtf,oUns</phoneme></lexeme>
  <lexeme><grapheme>Social Media</grapheme><phoneme>s'oUS@l m'i:di:@</phoneme></lexeme>
  <lexeme><grapheme>Team</grapheme><phoneme>t'i:m</phoneme></lexeme>
  <lexeme><grapheme>Teams</grapheme><phoneme>t'i:ms</phoneme></lexeme>
  <lexeme><grapheme>Teamwork</grapheme><phoneme>t'i:mw,3:k</phoneme></lexeme>
  <lexeme><grapheme>Manager</grapheme><phoneme>m'EnIdZ3</phoneme></lexeme>
  <lexeme><grapheme>Managern</grapheme><phoneme>m'EnIdZ3n</phoneme></lexeme>
  <lexeme><grapheme>Managerin</grapheme><phoneme>m'EnIdZ@RIn</phoneme></lexeme>
  <lexeme><grapheme>Managerinnen</grapheme><phoneme>m'EnIdZ@RIn@n</phoneme></lexeme>
  <lexeme><grapheme>Interview</grapheme><phoneme>'Int3vju:</phoneme></lexeme>
  <lexeme><grapheme>Interviews</grapheme><phoneme>'Int3vju:s</phoneme></lexeme>
  <lexeme><grapheme>Laptop</grapheme><phoneme>l'EptOp</phoneme></lexeme>
  <lexeme><grapheme>Laptops</grapheme><phoneme>l'EptOps</phoneme></lexeme>
  <lexeme><grapheme>Podcast</grapheme><phoneme>p'OtkA:st</phoneme></lexeme>
  <lexeme><grapheme>Podcasts</grapheme><phoneme>p'OtkA:sts</phoneme></lexeme>
  <lexeme><grapheme>Streaming</grapheme><phoneme>str'i:mIN</phoneme></lexeme>
  <lexeme><grapheme>Streamingdienst</grapheme><phoneme>str'i:mINd,i:nst</phoneme></lexeme>
  <lexeme><grapheme>Streamingdienste</grapheme><phoneme>str'i:mINd,i:nst@</phoneme></lexeme>
  <lexeme><grapheme>Stream</grapheme><phoneme>str'i:m</phoneme></lexeme>
  <lexeme><grapheme>Livestream</grapheme><phoneme>l'aIfstr,i:m</phoneme></lexeme>
  <lexeme><grapheme>Livestreams</grapheme><phoneme>l'aIfstr,i:ms</phoneme></lexeme>
  <lexeme><grapheme>live</grapheme><phoneme>l'aIf</phoneme></lexeme>
  <lexeme><grapheme>Liveticker</grapheme><phoneme>l'aIft,Ik3</phoneme></lexeme>
  <lexeme><grapheme>online</grapheme><phoneme>'OnlaIn</phoneme></lexeme>
  <lexeme><grapheme>Update</grapheme><phoneme>'apdeIt</phoneme></lexeme>
  <lexeme><grapheme>Updates</grapheme><phoneme>'apdeIts</phoneme></lexeme>
  <lexeme><grapheme>Software</grapheme><phoneme>s'OftvE:3</phoneme></lexeme>
  <lexeme><grapheme>Hardware</grapheme><phoneme>h'A:rtvE:3</phoneme></lexeme>
  <lexeme><grapheme>Download</grapheme><phoneme>d'aUnloUt</phoneme></lexeme>
  <lexeme><grapheme>Downloads</grapheme><phoneme>d'aUnloUts</phoneme></lexeme>
  <lexeme><grapheme>Feedback</grapheme><phoneme>f'i:tbEk</phoneme></lexeme>
  <lexeme><grapheme>Lockdown</grapheme><phoneme>l'OkdaUn</phoneme></lexeme>
  <lexeme><grapheme>Lockdowns</grapheme><phoneme>l'OkdaUns</phoneme></lexeme>
  <lexeme><grapheme>Shutdown</grapheme><phoneme>S'atdaUn</phoneme></lexeme>
  <lexeme><grapheme>Airline</grapheme><phoneme>'E:3laIn</phoneme></lexeme>
  <lexeme><grapheme>Airlines</grapheme><phoneme>'E:3laIns</phoneme></lexeme>
  <lexeme><grapheme>Deal</grapheme><phoneme>d'i:l</phoneme></lexeme>
  <lexeme><grapheme>Deals</grapheme><phoneme>d'i:ls</phoneme></lexeme>
  <lexeme><grapheme>Fairness</grapheme><phoneme>f'E:3n@s</phoneme></lexeme>
  <lexeme><grapheme>Event</grapheme><phoneme>iv'Ent</phoneme></lexeme>
  <lexeme><grapheme>Events</grapheme><phoneme>iv'Ents</phoneme></lexeme>
  <lexeme><grapheme>Show</grapheme><phoneme>S'oU</phoneme></lexeme>
  <lexeme><grapheme>Shows</grapheme><phoneme>S'oUs</phoneme></lexeme>
  <lexeme><grapheme>Talkshow</grapheme><phoneme>t'O:kSoU</phoneme></lexeme>
  <lexeme><grapheme>Showdown</grapheme><phoneme>S'oUdaUn</phoneme></lexeme>
  <lexeme><grapheme>Comeback</grapheme><phoneme>k'ambEk</phoneme></lexeme>
  <lexeme><grapheme>Crowdfunding</grapheme><phoneme>kr'aUtf,andIN</phoneme></lexeme>
  <lexeme><grapheme>Fake News</grapheme><phoneme>f'eIk nj'u:s</phoneme></lexeme>
  <lexeme><grapheme>Fake</grapheme><phoneme>f'eIk</phoneme></lexeme>
  <lexeme><grapheme>Hashtag</grapheme><phoneme>h'EStEk</phoneme></lexeme>
  <lexeme><grapheme>Influencer</grapheme><phoneme>'Influ:@ns3</phoneme></lexeme>
  <lexeme><grapheme>Influencerin</grapheme><phoneme>'Influ:@ns@RIn</phoneme></lexeme>
  <lexeme><grapheme>Newsletter</grapheme><phoneme>nj'u:slEt3</phoneme></lexeme>
  <lexeme><grapheme>Website</grapheme><phoneme>v'EbsaIt</phoneme></lexeme>
  <lexeme><grapheme>Websites</grapheme><phoneme>v'EbsaIts</phoneme></lexeme>
  <lexeme><grapheme>Homepage</grapheme><phoneme>h'oUmp,eItS</phoneme></lexeme>
  <lexeme><grapheme>Browser</grapheme><phoneme>br'aUz3</phoneme></lexeme>
  <lexeme><grapheme>Cloud</grapheme><phoneme>kl'aUt</phoneme></lexeme>
  <lexeme><grapheme>Designer</grapheme><phoneme>diz'aIn3</phoneme></lexeme>
  <lexeme><grapheme>Workshop</grapheme><phoneme>w'3:kSOp</phoneme></lexeme>
  <lexeme><grapheme>Workshops</grapheme><phoneme>w'3:kSOps</phoneme></lexeme>
  <lexeme><grapheme>Workflow</grapheme><phoneme>w'3:kfloU</phoneme></lexeme>
  <lexeme><grapheme>Workout</grapheme><phoneme>w'3:k,aUt</phoneme></lexeme>
  <lexeme><grapheme>Blackout</grapheme><phoneme>bl'Ek,aUt</phoneme></lexeme>
  <lexeme><grapheme>Burnout</grapheme><phoneme>b'3:n,aUt</phoneme></lexeme>
  <lexeme><grapheme>Business</grapheme><phoneme>b'IznIs</phoneme></lexeme>
  <lexeme><grapheme>Callcenter</grapheme><phoneme>k'O:ls,Ent3</phoneme></lexeme>
  <lexeme><grapheme>Cash</grapheme><phoneme>k'ES</phoneme></lexeme>
  <lexeme><grapheme>Catering</grapheme><phoneme>k'eIt@RIN</phoneme></lexeme>
  <lexeme><grapheme>Champions League</grapheme><phoneme>tS'Empi:@ns l'i:k</phoneme></lexeme>
  <lexeme><grapheme>Chat</grapheme><phoneme>tS'Et</phoneme></lexeme>
  <lexeme><grapheme>Chats</grapheme><phoneme>tS'Ets</phoneme></lexeme>
  <lexeme><grapheme>Coach</grapheme><phoneme>k'oUtS</phoneme></lexeme>
  <lexeme><grapheme>Comedy</grapheme><phoneme>k'Om@di:</phoneme></lexeme>
  <lexeme><grapheme>Countdown</grapheme><phoneme>k'aUntdaUn</phoneme></lexeme>
  <lexeme><grapheme>Display</grapheme><phoneme>dIspl'eI</phoneme></lexeme>
  <lexeme><grapheme>Fan</grapheme><phoneme>f'En</phoneme></lexeme>
  <lexeme><grapheme>Fans</grapheme><phoneme>f'Ens</phoneme></lexeme>
  <lexeme><grapheme>Flatrate</grapheme><phoneme>fl'EtreIt</phoneme></lexeme>
  <lexeme><grapheme>Follower</grapheme><phoneme>f'OloU3</phoneme></lexeme>
  <lexeme><grapheme>Gaming</grapheme><phoneme>g'eImIN</phoneme></lexeme>
  <lexeme><grapheme>Hacker</grapheme><phoneme>h'Ek3</phoneme></lexeme>
  <lexeme><grapheme>Highlight</grapheme><phoneme>h'aIlaIt</phoneme></lexeme>
  <lexeme><grapheme>Highlights</grapheme><phoneme>h'aIlaIts</phoneme></lexeme>
  <lexeme><grapheme>Hotline</grapheme><phoneme>h'OtlaIn</phoneme></lexeme>
  <lexeme><grapheme>Hotspot</grapheme><phoneme>h'OtspOt</phoneme></lexeme>
  <lexeme><grapheme>Hype</grapheme><phoneme>h'aIp</phoneme></lexeme>
  <lexeme><grapheme>Insider</grapheme><phoneme>'InsaId3</phoneme></lexeme>
  <lexeme><grapheme>Know-how</grapheme><phoneme>n'oUh,aU</phoneme></lexeme>
  <lexeme><grapheme>Leasing</grapheme><phoneme>l'i:zIN</phoneme></lexeme>
  <lexeme><grapheme>Lifestyle</grapheme><phoneme>l'aIfstaIl</phoneme></lexeme>
  <lexeme><grapheme>Make-up</grapheme><phoneme>m'eIk,ap</phoneme></lexeme>
  <lexeme><grapheme>Marketing</grapheme><phoneme>m'A:rk@tIN</phoneme></lexeme>
  <lexeme><grapheme>Mindset</grapheme><phoneme>m'aIntsEt</phoneme></lexeme>
  <lexeme><grapheme>Outfit</grapheme><phoneme>'aUtfIt</phoneme></lexeme>
  <lexeme><grapheme>Playoffs</grapheme><phoneme>pl'eI;,Ofs</phoneme></lexeme>
  <lexeme><grapheme>Power</grapheme><phoneme>p'aU3</phoneme></lexeme>
  <lexeme><grapheme>Ranking</grapheme><phoneme>r'EnkIN</phoneme></lexeme>
  <lexeme><grapheme>Rating</grapheme><phoneme>r'eItIN</phoneme></lexeme>
  <lexeme><grapheme>Recycling</grapheme><phoneme>ri:s'aIklIN</phoneme></lexeme>
  <lexeme><grapheme>Remote</grapheme><phoneme>rIm'oUt</phoneme></lexeme>
  <lexeme><grapheme>Rushhour</grapheme><phoneme>r'aS,aU3</phoneme></lexeme>
  <lexeme><grapheme>Shitstorm</grapheme><phoneme>S'ItstO:rm</phoneme></lexeme>
  <lexeme><grapheme>Shop</grapheme><phoneme>S'Op</phoneme></lexeme>
  <lexeme><grapheme>Shopping</grapheme><phoneme>S'OpIN</phoneme></lexeme>
  <lexeme><grapheme>Sound</grapheme><phoneme>s'aUnt</phoneme></lexeme>
  <lexeme><grapheme>Spoiler</grapheme><phoneme>sp'OYl3</phoneme></lexeme>
  <lexeme><grapheme>Statement</grapheme><phoneme>st'eItm@nt</phoneme></lexeme>
  <lexeme><grapheme>Statements</grapheme><phoneme>st'eItm@nts</phoneme></lexeme>
  <lexeme><grapheme>Story</grapheme><phoneme>st'O:Ri:</phoneme></lexeme>
  <lexeme><grapheme>Tablet</grapheme><phoneme>t'Ebl@t</phoneme></lexeme>
  <lexeme><grapheme>Timing</grapheme><phoneme>t'aImIN</phoneme></lexeme>
  <lexeme><grapheme>Tool</grapheme><phoneme>t'u:l</phoneme></lexeme>
  <lexeme><grapheme>Tools</grapheme><phoneme>t'u:ls</phoneme></lexeme>
  <lexeme><grapheme>Tweet</grapheme><phoneme>tw'i:t</phoneme></lexeme>
  <lexeme><grapheme>Upgrade</grapheme><phoneme>'apgreIt</phoneme></lexeme>
  <lexeme><grapheme>User</grapheme><phoneme>j'u:z3</phoneme></lexeme>
  <lexeme><grapheme>Voting</grapheme><phoneme>v'oUtIN</phoneme></lexeme>
  <lexeme><grapheme>Babyboomer</grapheme><phoneme>b'eIbi:b,u:m3</phoneme></lexeme>
  <lexeme><grapheme>Briefing</grapheme><phoneme>br'i:fIN</phoneme></lexeme>
  <lexeme><grapheme>Breaking News</grapheme><phoneme>br'eIkIN nj'u:s</phoneme></lexeme>
  <lexeme><grapheme>Chip</grapheme><phoneme>tS'Ip</phoneme></lexeme>
  <lexeme><grapheme>Chips</grapheme><phoneme>tS'Ips</phoneme></lexeme>
  <lexeme><grapheme>E-Mail</grapheme><phoneme>'i:m,eIl</phoneme></lexeme>
  <lexeme><grapheme>E-Mails</grapheme><phoneme>'i:m,eIls</phoneme></lexeme>
  <lexeme><grapheme>Bodycam</grapheme><phoneme>b'Odik,Em</phoneme></lexeme>
  <lexeme><grapheme>Bodycams</grapheme><phoneme>b'Odik,Ems</phoneme></lexeme>
  <lexeme><grapheme>Hate Speech</grapheme><phoneme>h'eIt sp'i:tS</phoneme></lexeme>
  <lexeme><grapheme>Green Deal</grapheme><phoneme>gr'i:n d'i:l</phoneme></lexeme>
  <lexeme><grapheme>Black Friday</grapheme><phoneme>bl'Ek fr'aIdeI</phoneme></lexeme>
  <lexeme><grapheme>Joint Venture</grapheme><phoneme>dZ'OYnt v'EntS3</phoneme></lexeme>
  <lexeme><grapheme>Jobcenter</grapheme><phoneme>dZ'OpsEnt3</phoneme></lexeme>
  <lexeme><grapheme>Tracking</grapheme><phoneme>tr'EkIN</phoneme></lexeme>
  <lexeme><grapheme>App</grapheme><phoneme>'Ep</phoneme></lexeme>
  <lexeme><grapheme>Apps</grapheme><phoneme>'Eps</phoneme></lexeme>
  <lexeme><grapheme>Bestseller</grapheme><phoneme>b'EstsEl3</phoneme></lexeme>
  <lexeme><grapheme>Whistleblower</grapheme><phoneme>v'Is@lbloU3</phoneme></lexeme>
  <lexeme><grapheme>Open Air</grapheme><phoneme>'oUp@n 'E:3</phoneme></lexeme>
  <lexeme><grapheme>Roadmap</grapheme><phoneme>r'oUtmEp</phoneme></lexeme>
  <lexeme><grapheme>Cyber</grapheme><phoneme>s'aIb3</phoneme></lexeme>
  <lexeme><grapheme>Cyberangriff</grapheme><phoneme>s'aIb3,angrIf</phoneme></lexeme>
  <lexeme><grapheme>Cyberangriffe</grapheme><phoneme>s'aIb3,angrIf@</phoneme></lexeme>
  <lexeme><grapheme>Fast Food</grapheme><grapheme>Fastfood</grapheme><phoneme>f'A:stf,u:t</phoneme></lexeme>
  <lexeme><grapheme>Deadline</grapheme><phoneme>d'EtlaIn</phoneme></lexeme>
  <lexeme><grapheme>Deadlines</grapheme><phoneme>d'EtlaIns</phoneme></lexeme>
  <lexeme><grapheme>Smartwatch</grapheme><phoneme>sm'A:rtw,OtS</phoneme></lexeme>
  <lexeme><grapheme>Community</grapheme><phoneme>k@mj'u:nIti:</phoneme></lexeme>
  <lexeme><grapheme>Feature</grapheme><phoneme>f'i:tS3</phoneme></lexeme>
  <lexeme><grapheme>Gender</grapheme><phoneme>dZ'End3</phoneme></lexeme>
  <lexeme><grapheme>Fridays for Future</grapheme><phoneme>fr'aIdeIs fO:3 fj'u:tS3</phoneme></lexeme>
  <lexeme><grapheme>Lounge</grapheme><phoneme>l'aUntS</phoneme></lexeme>
  <!-- Personen -->
  <lexeme><grapheme>Joe</grapheme><phoneme>dZ'oU</phoneme></lexeme>
  <lexeme><grapheme>Biden</grapheme><phoneme>b'aId@n</phoneme></lexeme>
  <lexeme><grapheme>Bidens</grapheme><phoneme>b'aId@ns</phoneme></lexeme>
  <lexeme><grapheme>Donald Trump</grapheme><phoneme>d'On@lt tr'amp</phoneme></lexeme>
  <lexeme><grapheme>Trump</grapheme><phoneme>tr'amp</phoneme></lexeme>
  <lexeme><grapheme>Trumps</grapheme><phoneme>tr'amps</phoneme></lexeme>
  <lexeme><grapheme>Kamala</grapheme><phoneme>k'A:m@la:</phoneme></lexeme>
  <lexeme><grapheme>Harris</grapheme><phoneme>h'ERIs</phoneme></lexeme>
  <lexeme><grapheme>Vance</grapheme><phoneme>v'Ens</phoneme></lexeme>
  <lexeme><grapheme>Obama</grapheme><phoneme>oUb'A:ma:</phoneme></lexeme>
  <lexeme><grapheme>Elon</grapheme><phoneme>'i:lOn</phoneme></lexeme>
  <lexeme><grapheme>Musk</grapheme><phoneme>m'ask</phoneme></lexeme>
  <lexeme><grapheme>Kim Jong Un</grapheme><phoneme>k'Im dZ'ON _!'Un</phoneme></lexeme>
  <lexeme><grapheme>Kim Jong Uns</grapheme><phoneme>k'Im dZ'ON _!'Uns</phoneme></lexeme>
  <lexeme><grapheme>Selenskyj</grapheme><phoneme>z@l'EnskI</phoneme></lexeme>
  <lexeme><grapheme>Selenskyjs</grapheme><phoneme>z@l'EnskIs</phoneme></lexeme>
  <lexeme><grapheme>Wolodymyr</grapheme><phoneme>vOlOd'ImIr</phoneme></lexeme>
  <lexeme><grapheme>Xi Jinping</grapheme><phoneme>S'i: dZ'Inp,IN</phoneme></lexeme>
  <lexeme><grapheme>Xi Jinpings</grapheme><phoneme>S'i: dZ'Inp,INs</phoneme></lexeme>
  <lexeme><grapheme>Netanjahu</grapheme><phoneme>nEtanj'A:hu:</phoneme></lexeme>
  <lexeme><grapheme>Erdoğan</grapheme><grapheme>Erdogan</grapheme><phoneme>'Erdoa:n</phoneme></lexeme>
  <lexeme><grapheme>Macron</grapheme><phoneme>makr'O~</phoneme></lexeme>
  <lexeme><grapheme>Macrons</grapheme><phoneme>makr'O~s</phoneme></lexeme>
  <lexeme><grapheme>Emmanuel</grapheme><phoneme>,Emanu'El</phoneme></lexeme>
  <lexeme><grapheme>Giorgia</grapheme><phoneme>dZ'OrdZa</phoneme></lexeme>
  <lexeme><grapheme>Meloni</grapheme><phoneme>mel'o:ni:</phoneme></lexeme>
  <lexeme><grapheme>Sánchez</grapheme><grapheme>Sanchez</grapheme><phoneme>s'antSEs</phoneme></lexeme>
  <lexeme><grapheme>Orbán</grapheme><grapheme>Orban</grapheme><phoneme>'OrbA:n</phoneme></lexeme>
  <lexeme><grapheme>Keir</grapheme><phoneme>k'i:3</phoneme></lexeme>
  <lexeme><grapheme>Starmer</grapheme><phoneme>st'A:m3</phoneme></lexeme>
  <lexeme><grapheme>Sunak</grapheme><phoneme>s'u:nEk</phoneme></lexeme>
  <lexeme><grapheme>Johnson</grapheme><phoneme>dZ'Ons@n</phoneme></lexeme>
  <lexeme><grapheme>Trudeau</grapheme><phoneme>trud'o:</phoneme></lexeme>
  <lexeme><grapheme>Milei</grapheme><phoneme>mIl'eI</phoneme></lexeme>
  <lexeme><grapheme>Chamenei</grapheme><phoneme>xamen'eI</phoneme></lexeme>
  <lexeme><grapheme>Lawrow</grapheme><phoneme>l'avrOf</phoneme></lexeme>
  <lexeme><grapheme>Schoigu</grapheme><phoneme>SOYg'u:</phoneme></lexeme>
  <lexeme><grapheme>Medwedew</grapheme><phoneme>mEdv'e:dEf</phoneme></lexeme>
  <lexeme><grapheme>Lukaschenko</grapheme><phoneme>lukaS'Enko:</phoneme></lexeme>
  <lexeme><grapheme>Nawalny</grapheme><phoneme>nav'alni:</phoneme></lexeme>
  <lexeme><grapheme>Rutte</grapheme><phoneme>r'yt@</phoneme></lexeme>
  <lexeme><grapheme>Guterres</grapheme><phoneme>gut'ERES</phoneme></lexeme>
  <!-- Orte -->
  <lexeme><grapheme>Washington</grapheme><phoneme>w'OSINt@n</phoneme></lexeme>
  <lexeme><grapheme>Washingtons</grapheme><phoneme>w'OSINt@ns</phoneme></lexeme>
  <lexeme><grapheme>Pjöngjang</grapheme><phoneme>pj'WNjaN</phoneme></lexeme>
  <lexeme><grapheme>Seoul</grapheme><phoneme>z,e:'u:l</phoneme></lexeme>
  <lexeme><grapheme>Kyjiw</grapheme><phoneme>k'IjIf</phoneme></lexeme>
  <lexeme><grapheme>Charkiw</grapheme><phoneme>x'arkIf</phoneme></lexeme>
  <lexeme><grapheme>Donezk</grapheme><phoneme>dOn'Etsk</phoneme></lexeme>
  <lexeme><grapheme>Luhansk</grapheme><phoneme>luh'ansk</phoneme></lexeme>
  <lexeme><grapheme>Mariupol</grapheme><phoneme>maRi;'u:pOl</phoneme></lexeme>
  <lexeme><grapheme>Cherson</grapheme><phoneme>xErs'On</phoneme></lexeme>
  <lexeme><grapheme>Saporischschja</grapheme><phoneme>zapOR'IStSa</phoneme></lexeme>
  <lexeme><grapheme>Bachmut</grapheme><phoneme>baxm'u:t</phoneme></lexeme>
  <lexeme><grapheme>Sewastopol</grapheme><phoneme>zEvast'o:pOl</phoneme></lexeme>
  <lexeme><grapheme>Taiwan</grapheme><phoneme>t'aIvan</phoneme></lexeme>
  <lexeme><grapheme>Gaza</grapheme><phoneme>g'A:za:</phoneme></lexeme>
  <lexeme><grapheme>Hamas</grapheme><phoneme>h'amas</phoneme></lexeme>
  <lexeme><grapheme>Hisbollah</grapheme><phoneme>hIsbOl'A:</phoneme></lexeme>
  <lexeme><grapheme>Tel Aviv</grapheme><phoneme>t'El av'i:f</phoneme></lexeme>
  <lexeme><grapheme>Beirut</grapheme><phoneme>b'eIRu:t</phoneme></lexeme>
  <lexeme><grapheme>Dubai</grapheme><phoneme>dub'aI</phoneme></lexeme>
  <lexeme><grapheme>Huthi</grapheme><phoneme>h'u:si:</phoneme></lexeme>
  <lexeme><grapheme>Mumbai</grapheme><phoneme>mUmb'aI</phoneme></lexeme>
  <lexeme><grapheme>Delhi</grapheme><phoneme>d'Eli:</phoneme></lexeme>
  <lexeme><grapheme>Brexit</grapheme><phoneme>br'EksIt</phoneme></lexeme>
  <lexeme><grapheme>New York</grapheme><phoneme>nju: j'O:k</phoneme></lexeme>
  <lexeme><grapheme>Los Angeles</grapheme><phoneme>lOs 'EndZ@l@s</phoneme></lexeme>
  <lexeme><grapheme>Chicago</grapheme><phoneme>SIk'A:goU</phoneme></lexeme>
  <lexeme><grapheme>Texas</grapheme><phoneme>t'Eks@s</phoneme></lexeme>
  <lexeme><grapheme>Silicon Valley</grapheme><phoneme>s'IlIk@n v'Eli:</phoneme></lexeme>
  <lexeme><grapheme>Pentagon</grapheme><phoneme>p'Ent@g@n</phoneme></lexeme>
  <lexeme><grapheme>Capitol</grapheme><phoneme>k'EpIt@l</phoneme></lexeme>
  <lexeme><grapheme>Manhattan</grapheme><phoneme>mEnh'Et@n</phoneme></lexeme>
  <lexeme><grapheme>Brooklyn</grapheme><phoneme>br'UklIn</phoneme></lexeme>
  <lexeme><grapheme>Boston</grapheme><phoneme>b'Ost@n</phoneme></lexeme>
  <lexeme><grapheme>Wall Street</grapheme><phoneme>w'O:l str'i:t</phoneme></lexeme>
  <lexeme><grapheme>Downing Street</grapheme><phoneme>d'aUnIN str'i:t</phoneme></lexeme>
  <lexeme><grapheme>White House</grapheme><phoneme>w'aIt h'aUs</phoneme></lexeme>
  <lexeme><grapheme>Edinburgh</grapheme><phoneme>'EdInb@R@</phoneme></lexeme>
  <lexeme><grapheme>Manchester</grapheme><phoneme>m'EntSEst3</phoneme></lexeme>
  <lexeme><grapheme>Dublin</grapheme><phoneme>d'ablIn</phoneme></lexeme>
  <lexeme><grapheme>Sydney</grapheme><phoneme>s'Idni:</phoneme></lexeme>
  <lexeme><grapheme>Melbourne</grapheme><phoneme>m'Elb3n</phoneme></lexeme>
  <lexeme><grapheme>Paris</grapheme><phoneme>paR'i:s</phoneme></lexeme>
  <lexeme><grapheme>Marseille</grapheme><phoneme>mars'EI</phoneme></lexeme>
  <lexeme><grapheme>Bordeaux</grapheme><phoneme>bOrd'o:</phoneme></lexeme>
  <lexeme><grapheme>Lyon</grapheme><phoneme>li;'O~</phoneme></lexeme>
  <lexeme><grapheme>Toulouse</grapheme><phoneme>tul'u:s</phoneme></lexeme>
  <lexeme><grapheme>Versailles</grapheme><phoneme>vErz'aI</phoneme></lexeme>
  <lexeme><grapheme>Sarajevo</grapheme><phoneme>zaRaj'e:vo:</phoneme></lexeme>
  <lexeme><grapheme>Kosovo</grapheme><phoneme>k'OsOvo:</phoneme></lexeme>
  <lexeme><grapheme>Vilnius</grapheme><phoneme>v'Ilni:Us</phoneme></lexeme>
  <lexeme><grapheme>Reykjavík</grapheme><grapheme>Reykjavik</grapheme><phoneme>r'eIkjavi:k</phoneme></lexeme>
  <lexeme><grapheme>Caracas</grapheme><phoneme>kaR'akas</phoneme></lexeme>
  <lexeme><grapheme>Bogotá</grapheme><grapheme>Bogota</grapheme><phoneme>bogot'a</phoneme></lexeme>
  <lexeme><grapheme>Brasília</grapheme><grapheme>Brasilia</grapheme><phoneme>braz'i:lja</phoneme></lexeme>
  <lexeme><grapheme>São Paulo</grapheme><grapheme>Sao Paulo</grapheme><phoneme>s'aU p'aUlU</phoneme></lexeme>
  <lexeme><grapheme>Kinshasa</grapheme><phoneme>kInS'A:sa</phoneme></lexeme>
  <!-- Unternehmen und Dienste -->
  <lexeme><grapheme>Google</grapheme><phoneme>g'u:g@l</phoneme></lexeme>
  <lexeme><grapheme>Apple</grapheme><phoneme>'Ep@l</phoneme></lexeme>
  <lexeme><grapheme>Microsoft</grapheme><phoneme>m'aIkroUs,Oft</phoneme></lexeme>
  <lexeme><grapheme>Facebook</grapheme><phoneme>f'eIsbUk</phoneme></lexeme>
  <lexeme><grapheme>Amazon</grapheme><phoneme>'Em@z@n</phoneme></lexeme>
  <lexeme><grapheme>WhatsApp</grapheme><phoneme>v'OtsEp</phoneme></lexeme>
  <lexeme><grapheme>YouTube</grapheme><phoneme>j'u:tju:p</phoneme></lexeme>
  <lexeme><grapheme>TikTok</grapheme><phoneme>t'IktOk</phoneme></lexeme>
  <lexeme><grapheme>Instagram</grapheme><phoneme>'Inst@grEm</phoneme></lexeme>
  <lexeme><grapheme>iPhone</grapheme><phoneme>'aIfoUn</phoneme></lexeme>
  <lexeme><grapheme>OpenAI</grapheme><phoneme>'oUp@n eI;'aI</phoneme></lexeme>
  <lexeme><grapheme>ChatGPT</grapheme><phoneme>tS'Et g,e:p,e:t'e:</phoneme></lexeme>
  <lexeme><grapheme>SpaceX</grapheme><phoneme>sp'eIs 'Eks</phoneme></lexeme>
  <lexeme><grapheme>Starlink</grapheme><phoneme>st'A:rlInk</phoneme></lexeme>
</lexicon>
