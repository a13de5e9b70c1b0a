const s = 'héllo wörld'; const t = ;
