"""Entity linking: the reference gazetteer and the mentions of its entities in text.

* :mod:`~missionwatch.link.gazetteer` — ``gazetteer`` (countries, organisations, national
  bodies, missions, officials, places; read from ``data/gazetteer/*.yaml`` and pycountry)
  and ``role_on`` / ``roles_on`` for officials' roles on a date;
* :mod:`~missionwatch.link.matcher` — one Aho-Corasick pass over a text for every alias,
  title and role noun, with case rules and collision guards;
* :mod:`~missionwatch.link.persons`, :mod:`~missionwatch.link.missions`,
  :mod:`~missionwatch.link.coref` — titled persons and appositions, missions named by
  description, surnames, pronouns, role nouns and anaphors;
* :mod:`~missionwatch.link.linker` — ``find_mentions(doc)``, used by the ``mentions`` step;
* :mod:`~missionwatch.link.regions` — first-level administrative regions.
"""
